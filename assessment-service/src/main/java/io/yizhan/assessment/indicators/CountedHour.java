package io.yizhan.assessment.indicators;

import java.time.Instant;
import java.util.UUID;

/**
 * One station's visits in one clock hour, as utilization last counted them. Counts of an hour only
 * grow, so of two figures for the same hour the larger is the later one.
 *
 * @param newEmploymentVisits visits by couriers, food-delivery riders and ride-hailing drivers
 */
public record CountedHour(UUID stationId, Instant hour, long visits, long newEmploymentVisits) {}
