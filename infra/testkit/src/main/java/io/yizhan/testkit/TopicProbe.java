package io.yizhan.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

/**
 * Looks at a topic from the outside, the way a district system would: reads everything on it
 * from the beginning, and writes raw records to it.
 */
public final class TopicProbe {

  private final String bootstrapServers;

  public TopicProbe(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /** This JVM's broker. */
  public static TopicProbe onTestBroker() {
    return new TopicProbe(Infrastructure.kafkaBootstrapServers());
  }

  /** Every record now on the topic. */
  public List<ConsumerRecord<String, byte[]>> records(String topic) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
          .map(info -> new TopicPartition(topic, info.partition()))
          .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
          && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }

  /** The records on the topic whose value, read as UTF-8, contains {@code text}. */
  public List<ConsumerRecord<String, byte[]>> recordsContaining(String topic, String text) {
    return records(topic).stream().filter(valueContains(text)).toList();
  }

  /** Writes one raw record and waits for the broker to take it. */
  public void send(String topic, @Nullable String key, byte[] value) {
    send(new ProducerRecord<>(topic, key, value));
  }

  /** Sends the record as it is, headers included, and waits for the broker's acknowledgement. */
  public void send(ProducerRecord<String, byte[]> record) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      producer.send(record).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Could not send to " + record.topic(), e);
    }
  }

  public static Predicate<ConsumerRecord<String, byte[]>> valueContains(String text) {
    return record -> record.value() != null
        && new String(record.value(), StandardCharsets.UTF_8).contains(text);
  }

  /** A header's value as text, or null when the record has no such header. */
  public static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
