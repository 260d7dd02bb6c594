package io.yizhan.assessment.indicators;

import java.time.Instant;
import java.util.UUID;

/** A visit as the indicators see it, with the id of the event that carried it (at most once). */
public record ObservedVisit(UUID eventId, UUID stationId, Instant visitedAt, boolean newEmploymentForm) {}
