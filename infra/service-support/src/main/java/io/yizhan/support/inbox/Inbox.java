package io.yizhan.support.inbox;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Applies an event's effect at most once per consumer. The {@code (consumer, eventId)} row and
 * the effect commit in one transaction: a redelivered event finds its row and is skipped, and an
 * effect that failed left no row, so the retry applies it.
 */
public class Inbox {

  private final DatabaseClient db;
  private final TransactionalOperator transactional;

  public Inbox(DatabaseClient db, TransactionalOperator transactional) {
    this.db = db;
    this.transactional = transactional;
  }

  /**
   * Runs {@code effect} unless this consumer already applied the event.
   *
   * @return true when the effect ran now, false when the event was a duplicate
   */
  public Mono<Boolean> once(String consumer, UUID eventId, Mono<?> effect) {
    Mono<Boolean> work = db.sql("""
            INSERT INTO processed_events (consumer, event_id) VALUES (:consumer, :eventId)
            ON CONFLICT DO NOTHING""")
        .bind("consumer", consumer)
        .bind("eventId", eventId)
        .fetch()
        .rowsUpdated()
        .flatMap(inserted -> inserted == 1 ? effect.thenReturn(true) : Mono.just(false));
    return transactional.transactional(work);
  }
}
