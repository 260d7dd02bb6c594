package io.yizhan.visit.checkin.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A check-in's JSON body as a phone or a manager's register sends it; every field is checked by CheckingIn. */
record CheckInRequest(
    @Nullable String visitId,
    @Nullable String stationId,
    @Nullable String visitedAt,
    @Nullable String workerType,
    @Nullable List<String> services,
    @Nullable String channel,
    @Nullable String workerToken) {}
