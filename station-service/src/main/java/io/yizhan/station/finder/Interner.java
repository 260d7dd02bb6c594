package io.yizhan.station.finder;

import io.yizhan.hours.OpeningHours;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares equal values between index entries. Most stations keep one of a few dozen schedules
 * and amenity lists ("weekdays 9–17", the eight base items), so one copy of each serves all.
 */
final class Interner {

  private final Map<OpeningHours, OpeningHours> hours = new ConcurrentHashMap<>();
  private final Map<List<String>, List<String>> amenities = new ConcurrentHashMap<>();

  OpeningHours hours(OpeningHours value) {
    return hours.computeIfAbsent(value, v -> v);
  }

  List<String> amenities(List<String> value) {
    return amenities.computeIfAbsent(List.copyOf(value), v -> v);
  }
}
