package io.yizhan.visit.checkin.web;

import io.yizhan.contracts.visit.VisitChannel;
import io.yizhan.visit.checkin.CheckIn;
import io.yizhan.visit.checkin.CheckInResult;
import io.yizhan.visit.checkin.CheckingIn;
import io.yizhan.support.problem.NotFoundException;
import io.yizhan.visit.checkin.Visit;
import io.yizhan.visit.checkin.Visits;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Check-ins from the QR code at a station's door or a station manager's register. */
@RestController
@RequestMapping("/api/visits")
class VisitController {

  /** District systems use the inbound topic (or, later, the batch endpoint), not this one. */
  private static final Set<VisitChannel> HTTP_CHANNELS =
      EnumSet.of(VisitChannel.QR_CHECK_IN, VisitChannel.MANAGER_REGISTER);

  private final CheckingIn checkingIn;
  private final Visits visits;
  private final CheckInAdmission admission;

  VisitController(CheckingIn checkingIn, Visits visits, CheckInAdmission admission) {
    this.checkingIn = checkingIn;
    this.visits = visits;
    this.admission = admission;
  }

  /**
   * Records a visit: 201 when recorded now, 200 when a visit with the same id (body
   * {@code visitId} or {@code Idempotency-Key} header) was already recorded.
   */
  @PostMapping
  Mono<ResponseEntity<VisitView>> checkIn(
      @RequestBody CheckInRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
    String visitId = request.visitId() != null ? request.visitId() : idempotencyKey;
    CheckIn checkIn = new CheckIn(visitId, request.stationId(), request.visitedAt(), request.workerType(),
        request.services(), request.channel(), request.workerToken());
    return admission.admit(checkingIn.checkIn(checkIn, VisitChannel.QR_CHECK_IN, HTTP_CHANNELS))
        .map(VisitController::response);
  }

  @GetMapping("/{id}")
  Mono<VisitView> get(@PathVariable String id) {
    return visits.find(id)
        .switchIfEmpty(Mono.error(() -> new NotFoundException("未找到编号为 " + id + " 的签到记录。")))
        .map(visit -> VisitView.of(new CheckInResult(visit, false)));
  }

  private static ResponseEntity<VisitView> response(CheckInResult result) {
    VisitView view = VisitView.of(result);
    return result.duplicate()
        ? ResponseEntity.status(HttpStatus.OK).body(view)
        : ResponseEntity.created(URI.create("/api/visits/" + view.visitId())).body(view);
  }

  record CheckInRequest(
      @Nullable String visitId,
      @Nullable String stationId,
      @Nullable String visitedAt,
      @Nullable String workerType,
      @Nullable List<String> services,
      @Nullable String channel,
      @Nullable String workerToken) {}

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
}
