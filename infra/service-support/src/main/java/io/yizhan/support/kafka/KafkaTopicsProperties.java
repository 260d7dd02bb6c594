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
 */
@ConfigurationProperties("yizhan.kafka")
public record KafkaTopicsProperties(
    @DefaultValue List<String> topics,
    @DefaultValue("12") int partitions,
    @DefaultValue("1") short replicationFactor) {}
