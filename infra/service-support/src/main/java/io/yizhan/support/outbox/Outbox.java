package io.yizhan.support.outbox;

import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.EventJson;
import io.yizhan.contracts.EventType;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Stores an event to be published, inside the caller's transaction. The event exists exactly when
 * the state change it describes committed; the {@link OutboxRelay} publishes it afterwards, at
 * least once.
 */
public class Outbox {

  private final DatabaseClient db;
  private final OutboxRelay relay;

  public Outbox(DatabaseClient db, OutboxRelay relay) {
    this.db = db;
    this.relay = relay;
  }

  /**
   * Appends the event. Must run inside a reactive transaction: without one the write could commit
   * without its event, so that is refused.
   */
  public <T> Mono<Void> append(EventType<T> type, EventEnvelope<T> event) {
    return TransactionSynchronizationManager.forCurrentTransaction()
        .onErrorMap(NoTransactionException.class, e -> outsideTransaction())
        .flatMap(tx -> {
          if (!tx.isActualTransactionActive()) {
            return Mono.error(outsideTransaction());
          }
          // Publish right after commit instead of waiting for the next poll.
          tx.registerSynchronization(new TransactionSynchronization() {
            @Override
            public Mono<Void> afterCommit() {
              relay.wakeUp();
              return Mono.empty();
            }
          });
          return db.sql("""
                  INSERT INTO outbox (event_id, topic, message_key, event_type, source, occurred_at, payload)
                  VALUES (:eventId, :topic, :key, :type, :source, :occurredAt, :payload)""")
              .bind("eventId", event.eventId())
              .bind("topic", type.topic())
              .bind("key", event.subject())
              .bind("type", event.eventType())
              .bind("source", event.source())
              .bind("occurredAt", event.occurredAt().atOffset(ZoneOffset.UTC))
              .bind("payload", EventJson.write(event))
              .then();
        });
  }

  private static IllegalStateException outsideTransaction() {
    return new IllegalStateException(
        "Outbox.append must run inside a transaction, with the state change it publishes");
  }
}
