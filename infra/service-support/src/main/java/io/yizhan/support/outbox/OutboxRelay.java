package io.yizhan.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.yizhan.support.kafka.CloudEventRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Publishes committed outbox rows to Kafka, oldest first, and marks them published.
 *
 * <p>One relay works at a time per database: each round takes a transaction-scoped advisory lock,
 * so with several instances of a service a station's events still leave in commit order. A round
 * locks a batch, sends it with the idempotent producer, waits for every acknowledgement and only
 * then marks the rows. If the process dies before the mark commits, the rows are sent again on
 * the next round: publication is at least once, and consumers deduplicate by event id.
 */
public class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final DatabaseClient db;
  private final TransactionalOperator transactional;
  private final KafkaTemplate<String, byte[]> kafka;
  private final OutboxProperties properties;
  private final Counter published;
  private final Timer lag;
  private final Sinks.Many<Boolean> wakeUps = Sinks.many().multicast().directBestEffort();
  private volatile @Nullable Disposable loop;

  public OutboxRelay(
      DatabaseClient db,
      TransactionalOperator transactional,
      KafkaTemplate<String, byte[]> kafka,
      OutboxProperties properties,
      MeterRegistry meters) {
    this.db = db;
    this.transactional = transactional;
    this.kafka = kafka;
    this.properties = properties;
    this.published = Counter.builder("yizhan.outbox.published")
        .description("Events the outbox relay published to Kafka")
        .register(meters);
    this.lag = Timer.builder("yizhan.outbox.lag")
        .description("Time from an event's commit to its acknowledgement by Kafka")
        .publishPercentiles(0.5, 0.99)
        .register(meters);
  }

  /** Asks for a round now, e.g. right after a transaction with outbox rows committed. */
  public void wakeUp() {
    wakeUps.tryEmitNext(Boolean.TRUE);
  }

  /**
   * Publishes everything unpublished, batch after batch, and says how many events it published.
   * Returns 0 at once when another instance holds the relay lock.
   */
  public Mono<Long> drain() {
    return relayOnce()
        .expand(count -> count == properties.batchSize() ? relayOnce() : Mono.empty())
        .reduce(0L, Long::sum);
  }

  private Mono<Integer> relayOnce() {
    Mono<Integer> round = db.sql("SELECT pg_try_advisory_xact_lock(hashtext('yizhan.outbox.relay'))")
        .map(row -> Boolean.TRUE.equals(row.get(0, Boolean.class)))
        .one()
        .flatMap(locked -> locked ? publishBatch() : Mono.just(0));
    return transactional.transactional(round);
  }

  private Mono<Integer> publishBatch() {
    return db.sql("""
            SELECT id, event_id, topic, message_key, event_type, source, occurred_at, created_at, payload
            FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED""")
        .bind("limit", properties.batchSize())
        .map(row -> new PendingEvent(
            row.get("id", Long.class),
            row.get("event_id", UUID.class),
            row.get("topic", String.class),
            row.get("message_key", String.class),
            row.get("event_type", String.class),
            row.get("source", String.class),
            row.get("occurred_at", OffsetDateTime.class),
            row.get("created_at", OffsetDateTime.class),
            row.get("payload", String.class).getBytes(StandardCharsets.UTF_8)))
        .all()
        .collectList()
        .flatMap(batch -> batch.isEmpty()
            ? Mono.just(0)
            : send(batch).then(markPublished(batch)).thenReturn(batch.size()));
  }

  /** Sends the whole batch, then waits for every acknowledgement; any failure fails the round. */
  private Mono<Void> send(List<PendingEvent> batch) {
    CompletableFuture<?>[] acks = batch.stream()
        .map(event -> kafka.send(record(event)))
        .toArray(CompletableFuture[]::new);
    return Mono.fromFuture(CompletableFuture.allOf(acks))
        .timeout(properties.sendTimeout())
        .doOnSuccess(done -> {
          Instant now = Instant.now();
          published.increment(batch.size());
          batch.forEach(e -> lag.record(Duration.between(e.createdAt().toInstant(), now)));
        });
  }

  private Mono<Void> markPublished(List<PendingEvent> batch) {
    Long[] ids = batch.stream().map(PendingEvent::id).toArray(Long[]::new);
    return db.sql("UPDATE outbox SET published_at = now() WHERE id = ANY(:ids)")
        .bind("ids", ids)
        .then();
  }

  private static ProducerRecord<String, byte[]> record(PendingEvent event) {
    return CloudEventRecords.of(event.topic(), event.key(), event.eventId(), event.eventType(), event.source(),
        event.occurredAt().toInstant(), event.payload());
  }

  @Override
  public void start() {
    if (!properties.relay().enabled()) {
      log.warn("Outbox relay is disabled (yizhan.outbox.relay.enabled=false): events stay unpublished");
      return;
    }
    Flux<Long> rounds = Flux.merge(
            Flux.interval(Duration.ZERO, properties.pollInterval()).map(tick -> Boolean.TRUE),
            wakeUps.asFlux())
        .onBackpressureLatest()
        .concatMap(tick -> drain().onErrorResume(e -> {
          // Pause before the next round: a batch that was sent but not marked is sent again, so
          // retrying at the poll rate against a broken database would flood consumers with copies.
          log.warn("Outbox relay round failed, retrying in {}: {}", properties.retryDelay(), e.toString());
          return Mono.delay(properties.retryDelay()).thenReturn(0L);
        }), 1);
    loop = rounds.subscribe();
  }

  @Override
  public void stop() {
    Disposable running = loop;
    if (running != null) {
      running.dispose();
      loop = null;
    }
  }

  @Override
  public boolean isRunning() {
    return loop != null;
  }

  /** Stop the relay before the Kafka producer and the connection pool go away. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 1024;
  }

  private record PendingEvent(
      Long id,
      UUID eventId,
      String topic,
      String key,
      String eventType,
      String source,
      OffsetDateTime occurredAt,
      OffsetDateTime createdAt,
      byte[] payload) {}
}
