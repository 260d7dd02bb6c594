package io.yizhan.support.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes an inbox's rows older than {@link InboxProperties#keep()}: without it an inbox grows by
 * a row for every event, forever (five million a year for each consumer of visits). Runs every
 * {@code prune-interval}, a bounded batch per statement, each statement its own transaction.
 */
public class InboxPruning implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(InboxPruning.class);
  private static final Duration FIRST_ROUND = Duration.ofMinutes(5);

  private final DatabaseClient db;
  private final InboxProperties properties;
  private final String deleteOldest;
  private final String table;
  private final Counter pruned;
  private volatile @Nullable Disposable loop;

  /**
   * @param table        the inbox table
   * @param seenAtColumn its column saying when the event was applied
   */
  public InboxPruning(DatabaseClient db, InboxProperties properties, MeterRegistry meters, String table,
      String seenAtColumn) {
    this.db = db;
    this.properties = properties;
    this.table = table;
    // By ctid through a LIMITed subquery: DELETE has no LIMIT of its own.
    this.deleteOldest = "DELETE FROM " + table + " WHERE ctid = ANY(ARRAY(SELECT ctid FROM " + table
        + " WHERE " + seenAtColumn + " < now() - make_interval(secs => :seconds) LIMIT :batch))";
    this.pruned = Counter.builder("yizhan.inbox.pruned")
        .description("Inbox rows deleted because they were older than yizhan.inbox.keep")
        .tag("table", table)
        .register(meters);
  }

  /** Deletes every row older than {@code keep}, a batch at a time; answers how many. */
  public Mono<Long> prune() {
    return batch()
        .expand(deleted -> deleted < properties.pruneBatch() ? Mono.empty() : batch())
        .reduce(0L, Long::sum)
        .doOnNext(total -> {
          if (total > 0) {
            log.info("Pruned {} rows older than {} from {}", total, properties.keep(), table);
          }
        });
  }

  private Mono<Long> batch() {
    return db.sql(deleteOldest)
        .bind("seconds", (double) properties.keep().toSeconds())
        .bind("batch", properties.pruneBatch())
        .fetch()
        .rowsUpdated()
        .doOnNext(pruned::increment);
  }

  @Override
  public void start() {
    // The first round soon after start, not an interval later: a service restarted more often
    // than every prune-interval (deployments) would otherwise never prune.
    Duration firstRound = properties.pruneInterval().compareTo(FIRST_ROUND) < 0
        ? properties.pruneInterval() : FIRST_ROUND;
    loop = Flux.interval(firstRound, properties.pruneInterval())
        .concatMap(tick -> prune().onErrorResume(e -> {
          log.warn("Pruning {} failed, trying again in {}: {}", table, properties.pruneInterval(), e.toString());
          return Mono.just(0L);
        }))
        .subscribe();
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
}
