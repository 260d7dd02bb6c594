package io.yizhan.support.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.yizhan.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends a record that cannot be applied to {@code <topic>.dlq}, unchanged, with why in headers.
 * The header names are the ones Spring Cloud Stream's Kafka binder uses for records whose retries
 * ran out, so one reader understands every dead letter.
 */
public class DeadLetters {

  public static final String ORIGINAL_TOPIC = "x-original-topic";
  public static final String ORIGINAL_PARTITION = "x-original-partition";
  public static final String ORIGINAL_OFFSET = "x-original-offset";
  public static final String EXCEPTION_MESSAGE = "x-exception-message";
  public static final String EXCEPTION_FQCN = "x-exception-fqcn";
  public static final String CONSUMER = "x-yizhan-consumer";

  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

  private final KafkaTemplate<String, byte[]> kafka;
  private final MeterRegistry meters;

  public DeadLetters(KafkaTemplate<String, byte[]> kafka, MeterRegistry meters) {
    this.kafka = kafka;
    this.meters = meters;
  }

  /**
   * Publishes the dead letter and waits for Kafka to take it: only then may the consumer move on,
   * or the record would be lost.
   */
  public void send(DeadLetter letter, byte[] payload, String consumer, Exception reason) {
    send(letter.topic(), letter.partition(), letter.offset(), letter.key(), payload, consumer, reason);
  }

  /** The same for a record a batch consumer read itself. */
  public void send(ConsumerRecord<String, byte[]> record, String consumer, Exception reason) {
    send(record.topic(), String.valueOf(record.partition()), String.valueOf(record.offset()), record.key(),
        record.value(), consumer, reason);
  }

  private void send(String topic, String partition, String offset, @Nullable String key, byte[] payload,
      String consumer, Exception reason) {
    String why = String.valueOf(reason.getMessage());
    List<Header> headers = new ArrayList<>();
    headers.add(text(ORIGINAL_TOPIC, topic));
    headers.add(text(ORIGINAL_PARTITION, partition));
    headers.add(text(ORIGINAL_OFFSET, offset));
    headers.add(text(EXCEPTION_MESSAGE, why));
    headers.add(text(EXCEPTION_FQCN, reason.getClass().getName()));
    headers.add(text(CONSUMER, consumer));
    String dlq = Topics.deadLetter(topic);
    log.warn("Dead-lettering record {}-{}@{} for {}: {}", topic, partition, offset, consumer, why);
    try {
      kafka.send(new ProducerRecord<>(dlq, null, key, payload, headers))
          .get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while dead-lettering to " + dlq, e);
    } catch (ExecutionException | TimeoutException e) {
      // Not acknowledging the original lets the binder retry the whole record.
      throw new IllegalStateException("Could not dead-letter to " + dlq, e);
    }
    meters.counter("yizhan.events.dead_lettered", "topic", topic, "consumer", consumer).increment();
  }

  private static Header text(String name, String value) {
    return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
