package io.yizhan.visit.checkin.messaging;

import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.EventJson;
import io.yizhan.contracts.visit.VisitRecorded;
import io.yizhan.visit.checkin.Visit;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** Translates an accepted visit into {@code visit.recorded} on visit.events.v1, and back. */
public final class VisitEvents {

  public static final String SOURCE = "visit-service";

  /**
   * The event of a visit, whose id follows from the visit's id: should a visit be appended twice
   * (its transaction failed after the log acknowledged it, and the client retried), consumers
   * see the same event twice and apply it once.
   */
  public static EventEnvelope<VisitRecorded> recorded(Visit visit, Instant recordedAt) {
    return new EventEnvelope<>(
        eventId(visit.id()),
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

  static UUID eventId(String visitId) {
    return UUID.nameUUIDFromBytes((VisitRecorded.TYPE.name() + "/" + visitId).getBytes(StandardCharsets.UTF_8));
  }

  /** A station id that is not a UUID throws IllegalArgumentException. */
  static Visit visit(VisitRecorded v) {
    return new Visit(v.visitId(), UUID.fromString(v.stationId()), v.visitedAt(), v.workerType(), v.services(),
        v.channel(), v.workerToken(), v.stationOpen());
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
