package io.yizhan.support.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the outbox relay ({@code yizhan.outbox.*}).
 *
 * @param pollInterval  how often the relay looks for rows it was not woken up for (other
 *                      instances' writes, rows left by a crash)
 * @param batchSize     rows published per round and transaction
 * @param sendTimeout   how long a round waits for Kafka's acknowledgements before giving up
 * @param keepPublished how long published rows stay for inspection before they are purged
 * @param purgeInterval how often published rows are purged
 * @param retryDelay    pause after a failed round (Kafka or the database unreachable)
 */
@ConfigurationProperties("yizhan.outbox")
public record OutboxProperties(
    @DefaultValue("500ms") Duration pollInterval,
    @DefaultValue("500") int batchSize,
    @DefaultValue("30s") Duration sendTimeout,
    @DefaultValue("7d") Duration keepPublished,
    @DefaultValue("1h") Duration purgeInterval,
    @DefaultValue("2s") Duration retryDelay,
    @DefaultValue Relay relay) {

  /** @param enabled false leaves events unpublished; for operations and failure tests only */
  public record Relay(@DefaultValue("true") boolean enabled) {}
}
