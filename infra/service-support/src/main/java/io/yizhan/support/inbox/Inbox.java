package io.yizhan.support.inbox;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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

  /**
   * Records that this consumer saw {@code eventIds} and answers which of them it had not seen
   * before: what a batch consumer applies. One statement whatever the number of ids. Must run in
   * the transaction that applies the new ones, or a failure after it would lose them.
   */
  public Mono<Set<UUID>> firstSeen(String consumer, Collection<UUID> eventIds) {
    if (eventIds.isEmpty()) {
      return Mono.just(Set.of());
    }
    return db.sql("""
            INSERT INTO processed_events (consumer, event_id)
            SELECT :consumer, id FROM unnest(CAST(:ids AS uuid[])) AS t(id)
            ON CONFLICT DO NOTHING
            RETURNING event_id""")
        .bind("consumer", consumer)
        .bind("ids", eventIds.stream().distinct().toArray(UUID[]::new))
        .map(row -> row.get("event_id", UUID.class))
        .all()
        .collect(Collectors.toCollection(HashSet::new));
  }
}
