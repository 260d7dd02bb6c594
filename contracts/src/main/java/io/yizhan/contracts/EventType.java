package io.yizhan.contracts;

/**
 * Names one kind of event: its logical name, the payload's schema version, the topic it travels
 * on and the record its payload reads into.
 */
public record EventType<T>(String name, int version, String topic, Class<T> dataType) {

  /**
   * Consistent with the record's equals (equal types have equal names and versions), and cheap:
   * consumers look a type up for every record they read, and the generated hash of all four
   * components showed in profiles of millions of records.
   */
  @Override
  public int hashCode() {
    return name.hashCode() * 31 + version;
  }

  /** Where this event type's JSON Schema lies on the classpath. */
  public String schemaResource() {
    return "/schemas/" + name + ".v" + version + ".schema.json";
  }
}
