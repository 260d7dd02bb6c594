package io.yizhan.support.retention;

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
 * Deletes a table's rows older than {@code keep}: inboxes (a row per applied event, five million
 * a year for each consumer of visits) and published outbox rows. Runs soon after start and then
 * every {@code interval}, a bounded batch per statement, each statement its own transaction, so
 * it never holds locks or a transaction long however much there is to delete.
 */
public class OldRows implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OldRows.class);
  private static final Duration FIRST_ROUND = Duration.ofMinutes(5);

  private final DatabaseClient db;
  private final String table;
  private final Duration keep;
  private final Duration interval;
  private final int batch;
  private final String deleteOldest;
  private final Counter pruned;
  private volatile @Nullable Disposable loop;

  /**
   * @param table  the table to prune
   * @param column its time column; a row whose column is null is never deleted
   * @param keep   how long a row is kept after that time
   */
  public OldRows(DatabaseClient db, MeterRegistry meters, String table, String column, Duration keep,
      Duration interval, int batch) {
    this.db = db;
    this.table = table;
    this.keep = keep;
    this.interval = interval;
    this.batch = batch;
    // By ctid through a LIMITed subquery: DELETE has no LIMIT of its own.
    this.deleteOldest = "DELETE FROM " + table + " WHERE ctid = ANY(ARRAY(SELECT ctid FROM " + table
        + " WHERE " + column + " < now() - make_interval(secs => :seconds) LIMIT :batch))";
    this.pruned = Counter.builder("yizhan.rows.pruned")
        .description("Rows deleted because they were older than their table's retention")
        .tag("table", table)
        .register(meters);
  }

  /** Deletes every row older than {@code keep}, a batch at a time; answers how many. */
  public Mono<Long> prune() {
    return deleteBatch()
        .expand(deleted -> deleted < batch ? Mono.empty() : deleteBatch())
        .reduce(0L, Long::sum)
        .doOnNext(total -> {
          if (total > 0) {
            log.info("Pruned {} rows older than {} from {}", total, keep, table);
          }
        });
  }

  private Mono<Long> deleteBatch() {
    return db.sql(deleteOldest)
        .bind("seconds", (double) keep.toSeconds())
        .bind("batch", batch)
        .fetch()
        .rowsUpdated()
        .doOnNext(pruned::increment);
  }

  @Override
  public void start() {
    // The first round soon after start, not an interval later: a service restarted more often
    // than every interval (deployments) would otherwise never prune.
    Duration firstRound = interval.compareTo(FIRST_ROUND) < 0 ? interval : FIRST_ROUND;
    loop = Flux.interval(firstRound, interval)
        .concatMap(tick -> prune().onErrorResume(e -> {
          log.warn("Pruning {} failed, trying again in {}: {}", table, interval, e.toString());
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
