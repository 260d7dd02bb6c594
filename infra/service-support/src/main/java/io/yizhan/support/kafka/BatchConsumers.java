package io.yizhan.support.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.EventJson;
import io.yizhan.contracts.EventType;
import io.yizhan.contracts.MalformedEventException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.JsonNode;

/**
 * Consumers that take a whole poll at a time, for streams too large for one transaction per
 * event (visits, ADR 12). The listener applies a poll in one transaction, with its own record of
 * what it applied (utilization's inbox) or absolute figures (ADR 14); this class builds the
 * container and reads the records.
 *
 * <p>A poll whose transaction fails is retried with back-off (0.5 s doubling to 30 s) and never
 * skipped, since skipping would lose effects; unreadable records never get that far because
 * {@link #read} dead-letters them first.
 */
public class BatchConsumers {

  /** How often at most a consumer commits the offsets of what it applied. */
  static final Duration COMMIT_EVERY = Duration.ofSeconds(1);
  /** Bytes a fetch brings at most, and from one partition: see {@link #container}. */
  static final int FETCH_MAX_BYTES = 4 * 1024 * 1024;
  static final int MAX_PARTITION_FETCH_BYTES = 512 * 1024;

  private final String bootstrapServers;
  private final DeadLetters deadLetters;
  private final MeterRegistry meters;

  public BatchConsumers(String bootstrapServers, DeadLetters deadLetters, MeterRegistry meters) {
    this.bootstrapServers = bootstrapServers;
    this.deadLetters = deadLetters;
    this.meters = meters;
  }

  /**
   * A container (not started) reading {@code topic} as {@code group}, up to {@code maxPollRecords}
   * a poll, with {@code concurrency} consumers sharing the partitions. Records are keyed by
   * station, so one station's events stay with one consumer and in order.
   */
  public ConcurrentMessageListenerContainer<String, byte[]> container(String name, String topic, String group,
      int maxPollRecords, int concurrency, BatchMessageListener<String, byte[]> listener) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
    // A poll of thousands takes seconds to apply; a stalled database must not look like a dead consumer.
    config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 600_000);
    // At modest rates a poll would return each few records at once, and each poll costs a
    // transaction, its commit and an offset commit: 100 check-ins a second made 35 polls a second
    // for each of the three consumers of visits. A poll now waits up to 250 ms to gather 64 KB
    // (about 130 visits); at high rates it fills at once. Counting stays well within the 2 s
    // freshness bar.
    config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 64 * 1024);
    config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 250);
    // A fetched response stays on the heap until its last record is polled. Kafka's defaults
    // (1 MB a partition, 12 partitions) fetched 12 MB at a time, about three polls of visits, for
    // a consumer behind: held across the young collections of a batch load, those buffers were
    // the largest thing promoted, and visit-service stopped for full collections. 4 MB holds about
    // one poll of visits (benchmarks.md, session 27).
    config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, FETCH_MAX_BYTES);
    config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, MAX_PARTITION_FETCH_BYTES);
    ContainerProperties properties = new ContainerProperties(topic);
    // Offsets are committed once a second at most, after the polls before them were applied, and
    // without waiting for the broker's answer: a synchronous commit held the consumer's thread
    // (and so the next poll's work) for 11 % of a rebuild, and a commit after every poll (tens a
    // second per consumer at 2,000 check-ins/s) was a tenth of Kafka's broker's CPU in its group
    // coordinator (benchmarks.md, session 24). Every batch consumer applies what it reads at most
    // once (an inbox or an upsert), so offsets not yet committed at a crash only bring a second's
    // records again. Pending offsets are committed when the container stops or loses partitions.
    properties.setAckMode(ContainerProperties.AckMode.TIME);
    properties.setAckTime(COMMIT_EVERY.toMillis());
    properties.setSyncCommits(false);
    properties.setMessageListener(listener);
    properties.setMicrometerEnabled(true);
    // The client id names the consumer in Kafka's client metrics (client_id="utilization-counting-0"),
    // and the listener binds those metrics, the records' lag among them, to Prometheus: without it
    // a consumer falling behind could not be seen or alerted on.
    properties.setClientId(name);
    DefaultKafkaConsumerFactory<String, byte[]> consumers =
        new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    consumers.addListener(new MicrometerConsumerListener<>(meters));
    ConcurrentMessageListenerContainer<String, byte[]> container =
        new ConcurrentMessageListenerContainer<>(consumers, properties);
    container.setConcurrency(concurrency);
    container.setBeanName(name);
    ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
    backOff.setMaxInterval(30_000);
    container.setCommonErrorHandler(new DefaultErrorHandler(backOff));
    return container;
  }

  /** A record and what was read from it. */
  public record Read<R>(ConsumerRecord<String, byte[]> record, R value) {}

  /**
   * The events of {@code type} among {@code records}, each interpreted by {@code interpret}. A
   * record that is not JSON, not a valid envelope or payload, or that {@code interpret} refuses
   * with an {@link IllegalArgumentException}, goes to the topic's dead-letter topic with the
   * reason before this returns; other event types are skipped.
   */
  public <T, R> List<Read<R>> read(List<ConsumerRecord<String, byte[]>> records, EventType<T> type, String consumer,
      Function<EventEnvelope<T>, R> interpret) {
    List<Read<R>> read = new ArrayList<>(records.size());
    for (ConsumerRecord<String, byte[]> record : records) {
      try {
        // The ce_type header names the event: read the payload once, typed. Without the header
        // (a record from outside the platform), look into the envelope first.
        Header header = firstHeader(record, "ce_type");
        if (header != null) {
          if (type.name().equals(new String(header.value(), StandardCharsets.UTF_8))) {
            read.add(new Read<>(record, interpret.apply(EventJson.read(record.value(), type))));
          }
          continue;
        }
        EventEnvelope<JsonNode> envelope = EventJson.readEnvelope(record.value());
        if (type.name().equals(envelope.eventType())) {
          read.add(new Read<>(record, interpret.apply(EventJson.payload(envelope, type))));
        }
      } catch (MalformedEventException e) {
        deadLetters.send(record, consumer, e);
      } catch (IllegalArgumentException e) {
        deadLetters.send(record, consumer,
            new MalformedEventException("invalid " + type.name() + " data: " + e.getMessage(), e));
      }
    }
    return read;
  }

  /**
   * A CloudEvents attribute is one header: the first of that name. {@code lastHeader} scans from the
   * end and decodes every header name on its way (ce_type is third of seven), which showed in
   * profiles of consumers reading millions of records.
   */
  private static Header firstHeader(ConsumerRecord<String, byte[]> record, String name) {
    for (Header header : record.headers()) {
      if (header.key().equals(name)) {
        return header;
      }
    }
    return null;
  }
}
