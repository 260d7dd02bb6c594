package io.yizhan.visit.checkin.web;

import io.yizhan.contracts.visit.VisitChannel;
import io.yizhan.support.problem.SignInRequiredException;
import io.yizhan.support.security.Caller;
import io.yizhan.visit.checkin.CheckIn;
import io.yizhan.visit.checkin.CheckInResult;
import io.yizhan.visit.checkin.CheckingIn;
import io.yizhan.visit.stations.KnownStation;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One check-in sent over HTTP, and its answer, whichever way it reached the service: the Netty
 * route that takes {@code POST /api/visits} ahead of WebFlux ({@link CheckInRoute}), or the
 * controller when that route is switched off.
 */
@Component
class SingleCheckIns {

  /** District systems use the inbound topic or the batch endpoint, not this one. */
  private static final Set<VisitChannel> HTTP_CHANNELS =
      EnumSet.of(VisitChannel.QR_CHECK_IN, VisitChannel.MANAGER_REGISTER);

  private final CheckingIn checkingIn;
  private final CheckInAdmission admission;

  SingleCheckIns(CheckingIn checkingIn, CheckInAdmission admission) {
    this.checkingIn = checkingIn;
    this.admission = admission;
  }

  /**
   * 201 when recorded now, 200 when a visit with the same id (body {@code visitId} or the
   * {@code Idempotency-Key} header) was already recorded.
   *
   * @param caller who sent it: anonymous for a worker's phone
   */
  Mono<ResponseEntity<VisitView>> checkIn(CheckInRequest request, @Nullable String idempotencyKey, Caller caller) {
    String visitId = request.visitId() != null ? request.visitId() : idempotencyKey;
    CheckIn checkIn = new CheckIn(visitId, request.stationId(), request.visitedAt(), request.workerType(),
        request.services(), request.channel(), request.workerToken());
    return admission.admit(checkingIn.checkIn(checkIn, VisitChannel.QR_CHECK_IN, HTTP_CHANNELS,
            (channel, station) -> mayRecord(caller, channel, station)))
        .map(SingleCheckIns::answer);
  }

  /**
   * Anyone may check in by the QR code at the door. A register entry is the word of whoever runs
   * the station: its manager or regional head, its district's union, or the city.
   */
  private static void mayRecord(Caller caller, VisitChannel channel, KnownStation station) {
    if (channel != VisitChannel.MANAGER_REGISTER) {
      return;
    }
    if (caller.isAnonymous()) {
      throw new SignInRequiredException("登记簿签到（MANAGER_REGISTER）须由站点管理员登录后录入：请在请求头中带上"
          + " Authorization: Bearer <令牌>。劳动者扫码签到请用 QR_CHECK_IN，或不填 channel。");
    }
    caller.requireRunsStation(station.id().toString(), station.district());
  }

  private static ResponseEntity<VisitView> answer(CheckInResult result) {
    VisitView view = VisitView.of(result);
    return result.duplicate()
        ? ResponseEntity.status(HttpStatus.OK).body(view)
        : ResponseEntity.created(URI.create("/api/visits/" + view.visitId())).body(view);
  }
}
