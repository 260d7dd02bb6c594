package io.yizhan.support.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The Kafka record of an event: keyed by its subject (the station), the envelope as the value, and
 * the envelope's attributes again as CloudEvents headers, so a district system can route and
 * filter without parsing the payload.
 */
public final class CloudEventRecords {

  public static ProducerRecord<String, byte[]> of(String topic, String subject, UUID eventId, String eventType,
      String source, Instant occurredAt, byte[] envelope) {
    List<Header> headers = List.of(
        header("ce_specversion", "1.0"),
        header("ce_id", eventId.toString()),
        header("ce_type", eventType),
        header("ce_source", source),
        header("ce_subject", subject),
        header("ce_time", occurredAt.toString()),
        header("content-type", "application/json"));
    return new ProducerRecord<>(topic, null, subject, envelope, headers);
  }

  private static Header header(String name, String value) {
    return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private CloudEventRecords() {}
}
