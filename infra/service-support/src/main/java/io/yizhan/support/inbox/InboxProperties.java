package io.yizhan.support.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.yizhan.support.retention.OldRows;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * How long inboxes remember the events they applied ({@code yizhan.inbox.*}).
 *
 * @param keep          how long an applied event's row is kept. A redelivery comes within minutes
 *                      (offsets not yet committed, an outbox batch sent again after a crash); an
 *                      event older than this would be applied again, so a consumer group's
 *                      offsets must never be moved back further than this
 * @param pruneInterval how often older rows are deleted
 * @param pruneBatch    rows deleted per statement, so pruning never holds locks or a transaction long
 */
@ConfigurationProperties("yizhan.inbox")
public record InboxProperties(
    @DefaultValue("90d") Duration keep,
    @DefaultValue("1h") Duration pruneInterval,
    @DefaultValue("10000") int pruneBatch) {

  /** What deletes {@code table}'s rows older than {@code keep}, by its time column. */
  public OldRows pruning(DatabaseClient db, MeterRegistry meters, String table, String column) {
    return new OldRows(db, meters, table, column, keep, pruneInterval, pruneBatch);
  }
}
