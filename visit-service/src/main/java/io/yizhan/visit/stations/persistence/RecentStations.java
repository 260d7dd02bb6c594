package io.yizhan.visit.stations.persistence;

import io.yizhan.visit.stations.KnownStation;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Stations read in the last few seconds, so that a check-in does not read its station from the
 * database each time (a pool acquire, a query and a round trip for every check-in). An entry
 * older than {@code maxAge} is read again; a station this instance saves is forgotten at once.
 * A city has thousands of stations, not millions: past {@code maxEntries} all are forgotten and
 * read again, which keeps memory bounded without bookkeeping on every read.
 */
final class RecentStations {

  private record Entry(KnownStation station, long readAtNanos) {}

  private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();
  private final long maxAgeNanos;
  private final int maxEntries;
  private final LongSupplier nanoTime;

  RecentStations(Duration maxAge, int maxEntries, LongSupplier nanoTime) {
    this.maxAgeNanos = maxAge.toNanos();
    this.maxEntries = maxEntries;
    this.nanoTime = nanoTime;
  }

  /** The station if it was read or saved less than {@code maxAge} ago. */
  @Nullable KnownStation get(UUID id) {
    Entry entry = entries.get(id);
    if (entry == null || nanoTime.getAsLong() - entry.readAtNanos() >= maxAgeNanos) {
      return null;
    }
    return entry.station();
  }

  void forget(UUID id) {
    entries.remove(id);
  }

  void put(KnownStation station) {
    if (maxAgeNanos <= 0) {
      return;
    }
    if (entries.size() >= maxEntries) {
      entries.clear();
    }
    entries.put(station.id(), new Entry(station, nanoTime.getAsLong()));
  }
}
