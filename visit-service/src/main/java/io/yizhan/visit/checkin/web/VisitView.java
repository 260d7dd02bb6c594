package io.yizhan.visit.checkin.web;

import io.yizhan.visit.checkin.CheckInResult;
import io.yizhan.visit.checkin.Visit;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A visit as a check-in's answer and {@code GET /api/visits/{id}} show it. */
record VisitView(
    String visitId,
    String stationId,
    Instant visitedAt,
    String workerType,
    List<String> services,
    String channel,
    @Nullable Boolean stationOpen,
    @Nullable String note,
    boolean duplicate) {

  static VisitView of(CheckInResult result) {
    Visit v = result.visit();
    return new VisitView(v.id(), v.stationId().toString(), v.visitedAt(), v.workerType().name(),
        v.services().stream().map(Enum::name).toList(), v.channel().name(), v.stationOpen(),
        Boolean.FALSE.equals(v.stationOpen()) ? "站点此时不在开放时间，签到已记录为开放时间外的需求，供工会调整开放时间参考。" : null,
        result.duplicate());
  }
}
