package io.yizhan.visit.utilization.messaging;

import io.yizhan.visit.utilization.Rebuild;
import io.yizhan.visit.utilization.RebuildLog;
import io.yizhan.visit.utilization.UtilizationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Knows which records of visit.events.v1 belong to a running rebuild (offsets before the ones it
 * ends at), follows its progress and marks it done when every partition got there.
 */
class ReplayTracker {

  private static final Logger log = LoggerFactory.getLogger(ReplayTracker.class);
  private static final Duration SAVE_EVERY = Duration.ofSeconds(2);

  private final RebuildLog rebuilds;
  private final Supplier<Mono<Integer>> announceWhatChanged;
  private final Clock clock;
  private final AtomicReference<@Nullable Rebuild> running = new AtomicReference<>();
  private final Map<Integer, Long> reached = new HashMap<>();
  private Instant lastSaved = Instant.EPOCH;

  /**
   * @param announceWhatChanged run once the replay got to its end, before the rebuild is done:
   *                            marks the hours whose counts differ from their last announcement
   */
  ReplayTracker(RebuildLog rebuilds, Supplier<Mono<Integer>> announceWhatChanged, Clock clock) {
    this.rebuilds = rebuilds;
    this.announceWhatChanged = announceWhatChanged;
    this.clock = clock;
  }

  /**
   * Follows {@code rebuild} from now on: a new one, or one a restart interrupted.
   *
   * @param committed per partition, the offset the consumer group will resume from: an
   *                  interrupted rebuild has replayed up to there already
   */
  synchronized void follow(Rebuild rebuild, Map<Integer, Long> committed) {
    reached.clear();
    reached.putAll(committed);
    running.set(committed.isEmpty() ? rebuild : rebuild.replayedAtLeast(replayedBy(rebuild, committed)));
  }

  /**
   * The records an interrupted rebuild got past, from where its group resumes: its progress was
   * saved every {@link #SAVE_EVERY} only, so up to that much more was replayed and committed. A
   * resumed rebuild otherwise ended short of 100 % (99.1 % after one restart here). The counts of
   * those records are not known again; the reconciliation is what tells whether all were counted.
   */
  private static long replayedBy(Rebuild rebuild, Map<Integer, Long> committed) {
    long left = 0;
    for (Map.Entry<Integer, Long> end : rebuild.until().entrySet()) {
      Long at = committed.get(end.getKey());
      if (at == null) {
        return rebuild.replayed();
      }
      left += Math.max(0, end.getValue() - at);
    }
    return rebuild.target() - left;
  }

  @Nullable Rebuild current() {
    return running.get();
  }

  boolean isReplay(int partition, long offset) {
    Rebuild rebuild = running.get();
    if (rebuild == null) {
      return false;
    }
    Long until = rebuild.until().get(partition);
    return until != null && offset < until;
  }

  /** Called after each batch committed its counts. */
  synchronized void progressed(List<ConsumerRecord<String, byte[]>> records, UtilizationStore.Counted quiet) {
    Rebuild rebuild = running.get();
    if (rebuild == null) {
      return;
    }
    long replayedRecords = 0;
    for (ConsumerRecord<String, byte[]> record : records) {
      if (isReplay(record.partition(), record.offset())) {
        replayedRecords++;
        reached.merge(record.partition(), record.offset() + 1, Math::max);
      }
    }
    Rebuild now = rebuild.progressed(replayedRecords, quiet.counted(), quiet.duplicates());
    boolean finished = now.until().entrySet().stream()
        .allMatch(e -> reached.getOrDefault(e.getKey(), 0L) >= e.getValue());
    Instant at = clock.instant();
    if (finished) {
      // Fails the poll if it fails: the poll comes again (its visits count nothing twice) and so
      // does the end, until the hours are marked.
      int marked = announceWhatChanged.get().blockOptional(Duration.ofMinutes(5)).orElse(0);
      now = now.done(at);
      running.set(null);
      log.info("Utilization rebuilt: {} records replayed, {} visits counted, {} duplicates, {} records/s; "
              + "{} station-hours differ from their last announcement and will be announced",
          now.replayed(), now.counted(), now.duplicates(), Math.round(now.recordsPerSecond(at)), marked);
      rebuilds.save(now).block(Duration.ofSeconds(30));
      return;
    }
    running.set(now);
    if (Duration.between(lastSaved, at).compareTo(SAVE_EVERY) >= 0) {
      lastSaved = at;
      rebuilds.save(now).block(Duration.ofSeconds(30));
    }
  }
}
