package io.yizhan.contracts;

/**
 * Names one kind of event: its logical name, the payload's schema version, the topic it travels
 * on and the record its payload reads into.
 */
public record EventType<T>(String name, int version, String topic, Class<T> dataType) {

  /** Where this event type's JSON Schema lies on the classpath. */
  public String schemaResource() {
    return "/schemas/" + name + ".v" + version + ".schema.json";
  }
}
