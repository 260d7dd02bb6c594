package io.yizhan.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What every event on every Yizhan topic looks like on the wire. The attributes map one to one
 * onto CloudEvents' ({@code id, type, dataversion, time, source, subject}) so district systems can
 * translate them mechanically; they are also carried as {@code ce_*} Kafka headers.
 *
 * @param eventId      unique per event; consumers deduplicate on it
 * @param eventType    logical name such as {@code visit.recorded}, never a Java class name
 * @param eventVersion version of the payload's schema within the topic's major version
 * @param occurredAt   when the fact happened (UTC)
 * @param source       the producing service, e.g. {@code station-service}
 * @param subject      the station the event is about; also the Kafka key, so a station's events stay ordered
 * @param data         the payload, one of the records in this module
 */
public record EventEnvelope<T>(
    UUID eventId,
    String eventType,
    int eventVersion,
    Instant occurredAt,
    String source,
    String subject,
    T data) {

  public EventEnvelope {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(data, "data");
    Require.text(eventType, "eventType");
    Require.text(source, "source");
    Require.text(subject, "subject");
    if (eventVersion < 1) {
      throw new IllegalArgumentException("eventVersion must be 1 or more");
    }
  }

  /** A new event with a fresh id. */
  public static <T> EventEnvelope<T> of(
      EventType<T> type, String source, String subject, Instant occurredAt, T data) {
    return new EventEnvelope<>(
        UUID.randomUUID(), type.name(), type.version(), occurredAt, source, subject, data);
  }
}
