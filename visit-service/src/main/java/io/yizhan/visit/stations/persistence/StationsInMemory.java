package io.yizhan.visit.stations.persistence;

import io.yizhan.visit.stations.KnownStation;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Copies of the replica's stations, so that a check-in does not read its station from the
 * database each time (a pool acquire, a validation query, the query and a round trip for every
 * check-in). They are kept current by asking the database what changed, once a second
 * ({@link R2dbcKnownStations}), not by reading each station again when its copy is a few seconds
 * old: with a city's stations visited at random, most copies were that old.
 *
 * <p>The copies are served only while the last successful ask for changes began less than
 * {@code maxAge} ago. When asking fails (the database slow or down), check-ins read the database
 * again, so a change of hours or status reaches check-ins at most {@code maxAge} after it
 * committed, as before. A copy is replaced only by a newer one (by when the row changed): a read
 * that began before a change cannot put back what the change replaced.
 *
 * <p>A city has thousands of stations, not millions: past {@code maxEntries} all copies are
 * dropped and read again, which keeps memory bounded without bookkeeping on every read.
 */
final class StationsInMemory {

  private record Copy(KnownStation station, Instant changedAt) {}

  private final Map<UUID, Copy> copies = new ConcurrentHashMap<>();
  private final long maxAgeNanos;
  private final int maxEntries;
  private final LongSupplier nanoTime;
  private volatile boolean everAsked;
  private volatile long askedAtNanos;

  StationsInMemory(Duration maxAge, int maxEntries, LongSupplier nanoTime) {
    this.maxAgeNanos = maxAge.toNanos();
    this.maxEntries = maxEntries;
    this.nanoTime = nanoTime;
  }

  /** The station's copy, or null when there is none or the copies may be older than maxAge. */
  @Nullable KnownStation get(UUID id) {
    if (!current()) {
      return null;
    }
    Copy copy = copies.get(id);
    return copy == null ? null : copy.station();
  }

  /** Whether the last successful ask for changes began less than maxAge ago. */
  boolean current() {
    return everAsked && nanoTime.getAsLong() - askedAtNanos < maxAgeNanos;
  }

  /**
   * Keeps a station as read from the database, unless a copy that changed later is already here.
   *
   * @param changedAt when its row was last written
   */
  void offer(KnownStation station, Instant changedAt) {
    if (maxAgeNanos <= 0) {
      return;
    }
    if (copies.size() >= maxEntries && !copies.containsKey(station.id())) {
      copies.clear();
    }
    copies.merge(station.id(), new Copy(station, changedAt),
        (held, read) -> read.changedAt().isBefore(held.changedAt()) ? held : read);
  }

  /** A station this instance saved: read again at once, whatever the copy says. */
  void forget(UUID id) {
    copies.remove(id);
  }

  /**
   * Notes that an ask for what changed, begun at {@code startedAtNanos}, succeeded and every
   * change it found was offered.
   */
  void asked(long startedAtNanos) {
    askedAtNanos = startedAtNanos;
    everAsked = true;
  }

  int size() {
    return copies.size();
  }
}
