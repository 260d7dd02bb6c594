package io.yizhan.station.registry;

import java.util.UUID;

/** Identifies a station for good; also the Kafka key of all its events. */
public record StationId(UUID value) {

  public static StationId generate() {
    return new StationId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
