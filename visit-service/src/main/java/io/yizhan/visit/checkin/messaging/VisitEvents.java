package io.yizhan.visit.checkin.messaging;

import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.EventJson;
import io.yizhan.contracts.visit.VisitRecorded;
import io.yizhan.visit.checkin.Visit;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** Translates an accepted visit into {@code visit.recorded} on visit.events.v1, and back. */
public final class VisitEvents {

  public static final String SOURCE = "visit-service";

  /** The event of a visit, with the id that follows from the visit's ({@link Visit#eventId()}). */
  public static EventEnvelope<VisitRecorded> recorded(Visit visit, Instant recordedAt) {
    return new EventEnvelope<>(
        visit.eventId(),
        VisitRecorded.TYPE.name(),
        VisitRecorded.TYPE.version(),
        recordedAt,
        SOURCE,
        visit.stationId().toString(),
        new VisitRecorded(
            visit.id(),
            visit.stationId().toString(),
            visit.visitedAt(),
            visit.workerType(),
            visit.services(),
            visit.channel(),
            visit.workerToken(),
            visit.stationOpen()));
  }

  /** A station id that is not a UUID throws IllegalArgumentException. */
  static Visit visit(VisitRecorded v) {
    return new Visit(v.visitId(), UUID.fromString(v.stationId()), v.visitedAt(), v.workerType(), v.services(),
        v.channel(), v.workerToken(), v.stationOpen());
  }

  /**
   * The event id of a {@code visit.recorded} record, from its CloudEvents headers ({@code ce_type}
   * and {@code ce_id}), without reading the event. Null when the headers are absent or name
   * another type or an id that is not a UUID: such a record is then read.
   */
  static @Nullable UUID eventIdOf(ConsumerRecord<String, byte[]> record) {
    Header type = record.headers().lastHeader("ce_type");
    Header id = record.headers().lastHeader("ce_id");
    if (type == null || id == null
        || !VisitRecorded.TYPE.name().equals(new String(type.value(), StandardCharsets.UTF_8))) {
      return null;
    }
    try {
      return UUID.fromString(new String(id.value(), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException notAUuid) {
      return null;
    }
  }

  /**
   * The visit id of a {@code visit.recorded} event, read without building the event: the restoring
   * consumer reads every visit back only to see whether the table has it. Null for anything else
   * (another event type, an unusual or broken record), which is then read in full.
   */
  static @Nullable String visitIdOf(byte[] json) {
    try (JsonParser parser = EventJson.mapper().createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      String type = null;
      String visitId = null;
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("eventType".equals(name) && value == JsonToken.VALUE_STRING) {
          type = parser.getString();
        } else if ("data".equals(name) && value == JsonToken.START_OBJECT) {
          while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            JsonToken fieldValue = parser.nextToken();
            if ("visitId".equals(field) && fieldValue == JsonToken.VALUE_STRING) {
              visitId = parser.getString();
            } else {
              parser.skipChildren();
            }
          }
        } else {
          parser.skipChildren();
        }
      }
      return VisitRecorded.TYPE.name().equals(type) ? visitId : null;
    } catch (JacksonException e) {
      return null;
    }
  }

  private VisitEvents() {}
}
