package io.yizhan.visit.checkin;

import org.jspecify.annotations.Nullable;

/**
 * A check-in as submitted. Every field may be missing or wrong; {@link CheckingIn} names each bad
 * one.
 *
 * @param visitId   the client's id for this visit (or its Idempotency-Key); a retry with the same
 *                  id records nothing new. Generated when absent.
 * @param visitedAt ISO-8601 instant; now when absent
 */
public record CheckIn(
    @Nullable String visitId,
    @Nullable String stationId,
    @Nullable String visitedAt,
    @Nullable String workerType,
    java.util.@Nullable List<String> services,
    @Nullable String channel,
    @Nullable String workerToken) {}
