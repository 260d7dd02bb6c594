package io.yizhan.visit.utilization;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Accepted visits against counted ones over a period: equal when every visit was counted once.
 * Visits of the last seconds may still be on their way to the count.
 *
 * @param mismatches station-hours where the two differ, at most a page of them
 */
public record Reconciliation(Instant from, Instant to, long accepted, long counted, long mismatchedHours,
    List<Mismatch> mismatches) {

  public record Mismatch(UUID stationId, Instant hour, long accepted, long counted) {}

  public boolean balanced() {
    return accepted == counted && mismatchedHours == 0;
  }
}
