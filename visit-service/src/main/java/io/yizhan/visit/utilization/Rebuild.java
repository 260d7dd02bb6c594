package io.yizhan.visit.utilization;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One recomputation of utilization from visit.events.v1, from its first record up to the last one
 * there when it started. Nothing is announced on utilization.events.v1 while it replays.
 *
 * @param until    per partition of visit.events.v1, the offset the replay ends before
 * @param target   records to replay
 * @param replayed records replayed so far
 */
public record Rebuild(
    UUID id, String requestedBy, Instant startedAt, @Nullable Instant finishedAt, State state,
    Map<Integer, Long> until, long target, long replayed, long counted, long duplicates, @Nullable String failure) {

  public enum State { RUNNING, DONE, FAILED }

  public Rebuild {
    until = Map.copyOf(until);
  }

  public double progress() {
    return target == 0 ? 1 : Math.min(1, (double) replayed / target);
  }

  /** Records replayed per second, over the rebuild so far (or all of it when finished). */
  public double recordsPerSecond(Instant now) {
    double seconds = Duration.between(startedAt, finishedAt == null ? now : finishedAt).toMillis() / 1000.0;
    return seconds <= 0 ? 0 : replayed / seconds;
  }

  public Rebuild progressed(long moreReplayed, long moreCounted, long moreDuplicates) {
    return new Rebuild(id, requestedBy, startedAt, finishedAt, state, until, target, replayed + moreReplayed,
        counted + moreCounted, duplicates + moreDuplicates, failure);
  }

  /** This rebuild having replayed at least {@code records}: what a restart found in its offsets. */
  public Rebuild replayedAtLeast(long records) {
    return new Rebuild(id, requestedBy, startedAt, finishedAt, state, until, target, Math.max(replayed, records),
        counted, duplicates, failure);
  }

  public Rebuild done(Instant at) {
    return new Rebuild(id, requestedBy, startedAt, at, State.DONE, until, target, replayed, counted, duplicates, null);
  }

  public Rebuild failed(Instant at, String why) {
    return new Rebuild(id, requestedBy, startedAt, at, State.FAILED, until, target, replayed, counted, duplicates, why);
  }
}
