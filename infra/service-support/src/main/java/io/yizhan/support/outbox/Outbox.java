package io.yizhan.support.outbox;

import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.EventJson;
import io.yizhan.contracts.EventType;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
    return appendAll(type, List.of(event));
  }

  /**
   * Appends many events of one type with one statement instead of one per event: what a round of
   * thousands of utilization announcements needs. Same transaction rule as {@link #append}.
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
          return insert(type, events);
        });
  }

  /**
   * One statement of parallel arrays, six parameters whatever the number of events: a multi-row
   * VALUES list of thousands of parameters cost more to build and bind than the insert itself.
   */
  private static final String INSERT = """
      INSERT INTO outbox (event_id, topic, message_key, event_type, source, occurred_at, payload)
      SELECT e, :topic, k, :type, s, o, p
      FROM unnest(CAST(:ids AS uuid[]), CAST(:keys AS text[]), CAST(:sources AS text[]),
                  CAST(:times AS timestamptz[]), CAST(:payloads AS text[])) AS t(e, k, s, o, p)""";

  private <T> Mono<Void> insert(EventType<T> type, List<EventEnvelope<T>> events) {
    int n = events.size();
    UUID[] ids = new UUID[n];
    String[] keys = new String[n];
    String[] sources = new String[n];
    String[] times = new String[n];
    String[] payloads = new String[n];
    for (int i = 0; i < n; i++) {
      EventEnvelope<T> event = events.get(i);
      ids[i] = event.eventId();
      keys[i] = event.subject();
      sources[i] = event.source();
      times[i] = event.occurredAt().toString();
      payloads[i] = new String(EventJson.write(event), StandardCharsets.UTF_8);
    }
    Map<String, Object> values = new HashMap<>();
    values.put("topic", type.topic());
    values.put("type", type.name());
    values.put("ids", ids);
    values.put("keys", keys);
    values.put("sources", sources);
    values.put("times", times);
    values.put("payloads", payloads);
    return db.sql(INSERT).bindValues(values).then();
  }

  private static IllegalStateException outsideTransaction() {
    return new IllegalStateException(
        "Outbox.append must run inside a transaction, with the state change it publishes");
  }
}
