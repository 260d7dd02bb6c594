package io.yizhan.visit.checkin.messaging;

import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.EventJson;
import io.yizhan.contracts.visit.VisitRecorded;
import io.yizhan.support.kafka.CloudEventRecords;
import io.yizhan.support.problem.UnavailableException;
import io.yizhan.visit.checkin.Visit;
import io.yizhan.visit.checkin.VisitLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * visit.events.v1 as the visit log: sends with the idempotent producer (acks=all) and waits for
 * every acknowledgement. Visits skip the outbox (ADR 13): an outbox row, its update and its
 * deletion per visit were half of what a check-in cost the database.
 */
@Component
class KafkaVisitLog implements VisitLog {

  /** What a caller is told to wait before sending the same check-in again. */
  private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

  private final KafkaTemplate<String, byte[]> kafka;
  private final Clock clock;
  private final Duration timeout;

  KafkaVisitLog(KafkaTemplate<String, byte[]> kafka, Clock clock,
      @Value("${yizhan.visits.append-timeout:10s}") Duration timeout) {
    this.kafka = kafka;
    this.clock = clock;
    this.timeout = timeout;
  }

  @Override
  public Mono<List<UUID>> append(List<Visit> visits) {
    if (visits.isEmpty()) {
      return Mono.just(List.of());
    }
    // send() blocks while the broker's metadata is unknown (broker down): never on an event loop.
    return Mono.fromCallable(() -> {
          Instant now = clock.instant();
          UUID[] eventIds = new UUID[visits.size()];
          CompletableFuture<?>[] acks = new CompletableFuture<?>[visits.size()];
          for (int i = 0; i < acks.length; i++) {
            EventEnvelope<VisitRecorded> event = VisitEvents.recorded(visits.get(i), now);
            eventIds[i] = event.eventId();
            acks[i] = kafka.send(CloudEventRecords.of(VisitRecorded.TYPE.topic(), event.subject(), event.eventId(),
                event.eventType(), event.source(), event.occurredAt(), EventJson.write(event)));
          }
          return CompletableFuture.allOf(acks).thenApply(acknowledged -> List.of(eventIds));
        })
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(Mono::fromFuture)
        .timeout(timeout)
        .onErrorMap(e -> !(e instanceof UnavailableException), e -> new UnavailableException(
            "签到暂时无法保存（消息服务无响应），本次签到未被记录。请稍后用同一签到编号重新提交，不会重复计数。"
                + "Check-ins cannot be stored right now; send the same check-in again later.", RETRY_AFTER, e));
  }
}
