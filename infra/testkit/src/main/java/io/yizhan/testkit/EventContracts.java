package io.yizhan.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.yizhan.contracts.EventCatalog;
import io.yizhan.contracts.EventJson;
import io.yizhan.contracts.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds what a service really published to its published contract: the record's value is of a
 * catalogued type, conforms to that type's JSON Schema (what district integrators validate
 * against) and reads back as the type's record.
 */
public final class EventContracts {

  private static final ObjectMapper JACKSON2 = new ObjectMapper();
  private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

  public static void assertConforms(byte[] value) {
    String type = EventJson.readEnvelope(value).eventType();
    EventType<?> eventType = EventCatalog.ALL.stream().filter(t -> t.name().equals(type)).findFirst()
        .orElseThrow(() -> new AssertionError("event type " + type + " is not in the catalogue"));
    JsonSchema schema = SCHEMAS.computeIfAbsent(type, name -> load(eventType));
    try {
      assertThat(schema.validate(JACKSON2.readTree(value))).as("%s against its schema", type).isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat((Object) EventJson.read(value, eventType)).isNotNull();
  }

  private static JsonSchema load(EventType<?> type) {
    try (InputStream in = EventContracts.class.getResourceAsStream(type.schemaResource())) {
      assertThat(in).as("schema %s", type.schemaResource()).isNotNull();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private EventContracts() {}
}
