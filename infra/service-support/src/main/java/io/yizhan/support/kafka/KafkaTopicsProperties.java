package io.yizhan.support.kafka;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Topics a service makes sure exist at start ({@code yizhan.kafka.*}): the ones it publishes and
 * the dead-letter topics of the ones it consumes.
 *
 * @param topics            topic names; each gets {@code partitions} partitions
 * @param partitions        partitions per topic
 * @param replicationFactor 1 on one machine, 3 in production
 * @param keptForever       of {@code topics}, those whose records are facts projections are
 *                          rebuilt from: created (or updated) with {@code retention.ms=-1}
 */
@ConfigurationProperties("yizhan.kafka")
public record KafkaTopicsProperties(
    @DefaultValue List<String> topics,
    @DefaultValue("12") int partitions,
    @DefaultValue("1") short replicationFactor,
    @DefaultValue List<String> keptForever) {}
