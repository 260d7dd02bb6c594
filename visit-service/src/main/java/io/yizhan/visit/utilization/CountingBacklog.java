package io.yizhan.visit.utilization;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How far utilization is behind the visits accepted: the visits in visit.events.v1 that are not
 * counted yet. Right after a backfill, a large district feed or an outage of the database, every
 * figure is short by these until counting catches up; the dashboards say so rather than show
 * partial figures as if they were whole.
 *
 * @param waiting          visits accepted and not yet counted (during a rebuild, also the ones still to replay)
 * @param countedPerSecond visits counted a second since the measurement before, when there was a recent one
 * @param shrinkingPerSecond how fast {@code waiting} went down since then (negative when it grew)
 */
public record CountingBacklog(long waiting, @Nullable Long countedPerSecond, @Nullable Long shrinkingPerSecond,
    Instant measuredAt) {

  /**
   * Fewer waiting visits than this is counting as usual: the counter takes up to 5,000 records a poll
   * and waits up to a quarter of a second to fill one, so at the check-in bar's 2,000 a second a
   * few thousand are always on their way.
   */
  public static final long CURRENT_BELOW = 5_000;

  /** Whether the figures are short by enough to say so. */
  public boolean behind() {
    return waiting >= CURRENT_BELOW;
  }

  /** When every waiting visit would be counted at the pace counting caught up lately; null when it is not catching up. */
  public @Nullable Long secondsToCatchUp() {
    if (!behind()) {
      return 0L;
    }
    if (shrinkingPerSecond == null || shrinkingPerSecond <= 0) {
      return null;
    }
    return (waiting + shrinkingPerSecond - 1) / shrinkingPerSecond;
  }
}
