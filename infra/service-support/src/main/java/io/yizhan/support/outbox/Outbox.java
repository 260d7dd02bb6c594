package io.yizhan.support.outbox;

import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.EventJson;
import io.yizhan.contracts.EventType;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
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
    return appendAll(type, List.of(event));
  }

  /**
   * Appends many events of one type with a few multi-row statements instead of one per event:
   * what a batch of 10,000 visits needs. Same transaction rule as {@link #append}.
   */
  public <T> Mono<Void> appendAll(EventType<T> type, List<EventEnvelope<T>> events) {
    if (events.isEmpty()) {
      return Mono.empty();
    }
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
          return Flux.fromIterable(events).buffer(ROWS_PER_STATEMENT).concatMap(chunk -> insert(type, chunk)).then();
        });
  }

  /** Seven parameters a row: 500 rows stay far below PostgreSQL's 65,535 parameters a statement. */
  private static final int ROWS_PER_STATEMENT = 500;

  private <T> Mono<Void> insert(EventType<T> type, List<EventEnvelope<T>> chunk) {
    StringBuilder sql = new StringBuilder(
        "INSERT INTO outbox (event_id, topic, message_key, event_type, source, occurred_at, payload) VALUES ");
    for (int i = 0; i < chunk.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("(:e").append(i).append(", :topic, :k").append(i).append(", :type, :s")
          .append(i).append(", :o").append(i).append(", :p").append(i).append(')');
    }
    // One map for all values: binding one at a time copies the bindings each time (quadratic).
    Map<String, Object> values = new HashMap<>(chunk.size() * 7);
    values.put("topic", type.topic());
    values.put("type", type.name());
    for (int i = 0; i < chunk.size(); i++) {
      EventEnvelope<T> event = chunk.get(i);
      values.put("e" + i, event.eventId());
      values.put("k" + i, event.subject());
      values.put("s" + i, event.source());
      values.put("o" + i, event.occurredAt().atOffset(ZoneOffset.UTC));
      values.put("p" + i, EventJson.write(event));
    }
    return db.sql(sql.toString()).bindValues(values).then();
  }

  private static IllegalStateException outsideTransaction() {
    return new IllegalStateException(
        "Outbox.append must run inside a transaction, with the state change it publishes");
  }
}
