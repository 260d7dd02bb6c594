package io.yizhan.assessment.indicators;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the platform has observed about one station. Name, kind and district are null until the
 * station's registration has been seen. Visits come from utilization's hourly counts, so the first
 * and last visit are known to the hour (its start).
 */
public record StationIndicators(
    UUID stationId,
    @Nullable String name,
    @Nullable String kind,
    @Nullable String district,
    @Nullable Instant listedAt,
    long visitsTotal,
    long newEmploymentVisits,
    @Nullable Instant firstVisitHour,
    @Nullable Instant lastVisitHour) {

  /**
   * Share of visits by couriers, food-delivery riders and ride-hailing drivers: the workers the
   * union's report says know the stations least. Null before the first visit.
   */
  public @Nullable Double newEmploymentShare() {
    return visitsTotal == 0 ? null : (double) newEmploymentVisits / visitsTotal;
  }
}
