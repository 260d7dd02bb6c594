package io.yizhan.visit.checkin.web;

import io.yizhan.support.problem.NotFoundException;
import io.yizhan.support.security.Callers;
import io.yizhan.visit.checkin.CheckInResult;
import io.yizhan.visit.checkin.Visits;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Check-ins from the QR code at a station's door or a station manager's register, and a visit by
 * its id. {@code POST /api/visits} is normally taken by {@link CheckInRoute} before WebFlux sees
 * it; this mapping answers it when that route is switched off, and documents it in the API.
 */
@RestController
@RequestMapping("/api/visits")
class VisitController {

  private final SingleCheckIns checkIns;
  private final Visits visits;

  VisitController(SingleCheckIns checkIns, Visits visits) {
    this.checkIns = checkIns;
    this.visits = visits;
  }

  /**
   * Records a visit: 201 when recorded now, 200 when a visit with the same id (body
   * {@code visitId} or {@code Idempotency-Key} header) was already recorded.
   */
  @PostMapping
  Mono<ResponseEntity<VisitView>> checkIn(
      @RequestBody CheckInRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
    return Callers.current().flatMap(caller -> checkIns.checkIn(request, idempotencyKey, caller));
  }

  @GetMapping("/{id}")
  Mono<VisitView> get(@PathVariable String id) {
    return visits.find(id)
        .switchIfEmpty(Mono.error(() -> new NotFoundException("未找到编号为 " + id + " 的签到记录。")))
        .map(visit -> VisitView.of(new CheckInResult(visit, false)));
  }
}
