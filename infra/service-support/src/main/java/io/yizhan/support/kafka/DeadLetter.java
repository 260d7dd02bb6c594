package io.yizhan.support.kafka;

import io.yizhan.contracts.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import tools.jackson.databind.JsonNode;

/**
 * A record on its way to its topic's dead-letter topic, as a consumer may keep it for whoever
 * produced it (the dead-letter topic mixes every producer's records).
 *
 * @param key      the record's key, which a topic's contract may give a meaning (visit.inbound.v1:
 *                 the station's id) even when its value cannot be read
 * @param envelope the event, when at least its envelope could be read
 * @param reason   why it cannot be applied, as the dead letter's {@value DeadLetters#EXCEPTION_MESSAGE} says
 */
public record DeadLetter(String topic, String partition, String offset, @Nullable String key,
    @Nullable EventEnvelope<JsonNode> envelope, String reason) {

  /** Where the binder says {@code message} was read from, and why it cannot be applied. */
  static DeadLetter of(Message<byte[]> message, @Nullable EventEnvelope<JsonNode> envelope, Exception reason) {
    @Nullable Object rawKey = message.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
    @Nullable String key = rawKey instanceof byte[] bytes
        ? new String(bytes, StandardCharsets.UTF_8)
        : rawKey == null ? null : rawKey.toString();
    return new DeadLetter(header(message, KafkaHeaders.RECEIVED_TOPIC, "unknown"),
        header(message, KafkaHeaders.RECEIVED_PARTITION, ""), header(message, KafkaHeaders.OFFSET, ""), key, envelope,
        String.valueOf(reason.getMessage()));
  }

  private static String header(Message<?> message, String name, String fallback) {
    @Nullable Object value = message.getHeaders().get(name);
    return value == null ? fallback : value.toString();
  }

  /**
   * The same for every delivery of this record, and different for any other: the event's id when
   * it could be read, else a name-based id of where the record sits in its topic.
   */
  public UUID id() {
    return envelope != null ? envelope.eventId()
        : UUID.nameUUIDFromBytes((topic + "/" + partition + "/" + offset).getBytes(StandardCharsets.UTF_8));
  }
}
