package io.yizhan.visit.checkin.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.yizhan.support.problem.UnavailableException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Admission control for single check-ins: at most {@code yizhan.visits.max-concurrent-check-ins}
 * are worked on at once, and one more is refused at once with 503 and Retry-After, instead of
 * queueing for a database connection until the gateway gives up after 10 s. Under overload the
 * admitted ones stay fast and the others are told to come back in a second. An admitted check-in
 * runs to its end even if its caller goes away, and holds its place until then, so abandoned
 * work cannot pile up behind the limit either.
 */
@Component
class CheckInAdmission {

  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final Semaphore places;
  private final Counter refused;

  CheckInAdmission(@Value("${yizhan.visits.max-concurrent-check-ins:256}") int maxConcurrent, MeterRegistry meters) {
    this.places = new Semaphore(maxConcurrent);
    this.refused = Counter.builder("yizhan.visits.check-ins.refused")
        .description("Check-ins refused with 503 because too many were being worked on at once")
        .register(meters);
  }

  <T> Mono<T> admit(Mono<T> checkIn) {
    return Mono.deferContextual(context -> {
      if (!places.tryAcquire()) {
        refused.increment();
        return Mono.error(new UnavailableException(
            "当前签到人数过多，本次签到未被记录。请 1 秒后用同一签到编号重新提交，不会重复计数。"
                + "Too many check-ins at once: nothing was stored, send it again in a second.", RETRY_AFTER, null));
      }
      // The caller's context goes along (where to answer, Visits.ANSWER_ON): toFuture() has none.
      return Mono.fromFuture(checkIn.doFinally(signal -> places.release()).contextWrite(context).toFuture(), true);
    });
  }
}
