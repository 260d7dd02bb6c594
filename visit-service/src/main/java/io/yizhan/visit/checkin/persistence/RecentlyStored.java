package io.yizhan.visit.checkin.persistence;

import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The event ids of visits this instance stored and committed, kept until the restoring consumer reads
 * them back from the log (ADR 13): for those it need not ask the table whether they are there.
 * Asking cost the database an index probe per visit and a query per poll, for visits that are
 * always there. Only what this instance saw committed is here, so nothing missing is ever skipped;
 * a visit read before its commit was noted, or after it was forgotten, is simply asked about.
 *
 * <p>Bounded: when the consumer lags (or another instance reads these partitions) the oldest
 * ids are forgotten first.
 */
final class RecentlyStored {

  private final int capacity;
  /** In the order stored: the first is the oldest. */
  private final LinkedHashSet<UUID> ids = new LinkedHashSet<>();

  RecentlyStored(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
    }
    this.capacity = capacity;
  }

  synchronized void addAll(Collection<UUID> stored) {
    ids.addAll(stored);
    Iterator<UUID> oldest = ids.iterator();
    while (ids.size() > capacity) {
      oldest.next();
      oldest.remove();
    }
  }

  /** Which of these ids were stored here, forgetting them: a second copy in the log is asked about. */
  synchronized Set<UUID> take(Collection<UUID> candidates) {
    Set<UUID> taken = new HashSet<>();
    for (UUID id : candidates) {
      if (ids.remove(id)) {
        taken.add(id);
      }
    }
    return taken;
  }

  synchronized void clear() {
    ids.clear();
  }

  synchronized int size() {
    return ids.size();
  }
}
