package io.yizhan.visit.checkin;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A visit a district system produced to visit.inbound.v1 that broke a rule, and why: what the
 * district reads to correct and send it again.
 *
 * @param district the station's district; null when the station is not known
 */
public record FeedRejection(UUID eventId, Instant rejectedAt, @Nullable String district, @Nullable String stationId,
    @Nullable String visitId, String reason) {}
