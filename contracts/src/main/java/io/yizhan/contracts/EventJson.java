package io.yizhan.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one JSON mapping of events, used by producers, consumers and the golden-file tests alike,
 * so the wire form the tests pin is the wire form services write.
 */
public final class EventJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          // Within a version producers may add optional fields: older consumers must ignore them.
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // A missing number is an error, not a silent zero.
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          // An absent optional field and a null one mean the same; writing neither keeps events
          // small and lets fields added within a version be absent from older events.
          .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
          .addModule(new SimpleModule("event-instants").addDeserializer(Instant.class, new UtcInstants()))
          .build();

  /** A reader per event type, built once: looking the envelope's type up per record showed in profiles. */
  private static final Map<EventType<?>, ObjectReader> READERS = new ConcurrentHashMap<>();

  public static JsonMapper mapper() {
    return MAPPER;
  }

  public static byte[] write(EventEnvelope<?> event) {
    return MAPPER.writeValueAsBytes(event);
  }

  /** Reads the envelope alone, leaving the payload as a tree. */
  public static EventEnvelope<JsonNode> readEnvelope(byte[] json) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new MalformedEventException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new MalformedEventException("not a JSON object");
    }
    try {
      return new EventEnvelope<>(
          UUID.fromString(field(tree, "eventId").asString()),
          field(tree, "eventType").asString(),
          field(tree, "eventVersion").asInt(),
          Instant.parse(field(tree, "occurredAt").asString()),
          field(tree, "source").asString(),
          field(tree, "subject").asString(),
          field(tree, "data"));
    } catch (RuntimeException e) {
      throw new MalformedEventException("invalid envelope: " + message(e), e);
    }
  }

  /** Reads a whole event of the given type; anything else is malformed. */
  public static <T> EventEnvelope<T> read(byte[] json, EventType<T> type) {
    // One pass straight into the typed envelope: a visit consumer reads millions of events, and
    // the tree of readEnvelope cost as much again. Whatever that pass refuses is read again the
    // slow way, which says precisely what is wrong.
    try {
      EventEnvelope<T> event = READERS.computeIfAbsent(type, t -> MAPPER.readerFor(
          MAPPER.getTypeFactory().constructParametricType(EventEnvelope.class, t.dataType()))).readValue(json);
      if (event != null && type.name().equals(event.eventType())) {
        return event;
      }
    } catch (RuntimeException e) {
      // fall through to the precise reading below
    }
    return payload(readEnvelope(json), type);
  }

  /** Reads the payload of an envelope whose type the caller has already dispatched on. */
  public static <T> EventEnvelope<T> payload(EventEnvelope<JsonNode> envelope, EventType<T> type) {
    if (!type.name().equals(envelope.eventType())) {
      throw new MalformedEventException(
          "expected eventType " + type.name() + " but got " + envelope.eventType());
    }
    T data;
    try {
      data = MAPPER.treeToValue(envelope.data(), type.dataType());
    } catch (JacksonException e) {
      throw new MalformedEventException("invalid " + type.name() + " data: " + message(e), e);
    }
    return new EventEnvelope<>(
        envelope.eventId(),
        envelope.eventType(),
        envelope.eventVersion(),
        envelope.occurredAt(),
        envelope.source(),
        envelope.subject(),
        data);
  }

  private static JsonNode field(JsonNode tree, String name) {
    JsonNode value = tree.get(name);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }

  /** The innermost message: a payload's own check says more than Jackson's wrapper. */
  private static String message(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root instanceof JacksonException jackson ? jackson.getOriginalMessage() : root.getMessage();
    return text == null ? root.getClass().getSimpleName() : text;
  }

  private EventJson() {}
}
