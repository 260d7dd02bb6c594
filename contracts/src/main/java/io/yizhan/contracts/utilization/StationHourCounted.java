package io.yizhan.contracts.utilization;

import io.yizhan.contracts.EventType;
import io.yizhan.contracts.Require;
import io.yizhan.contracts.Topics;
import io.yizhan.contracts.visit.ServiceUsed;
import io.yizhan.contracts.visit.WorkerType;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where one station's use in one clock hour now stands. Values are absolute, not increments: a
 * consumer keeps the latest per station and hour, so a redelivered or replayed event is harmless.
 * A later event for the same hour supersedes it (late visits from district feeds arrive after).
 *
 * @param hour         start of the hour (Asia/Shanghai hours coincide with UTC hours)
 * @param outsideHours visits while the station was closed (outside its hours, suspended, revoked)
 * @param openUnknown  visits for which whether it was open is not known
 * @param workerTypes  visits by worker type, every type present
 * @param services     uses of each service, every service present (a visit may use several)
 */
public record StationHourCounted(
    String stationId,
    Instant hour,
    long visits,
    long outsideHours,
    long openUnknown,
    Map<WorkerType, Long> workerTypes,
    Map<ServiceUsed, Long> services) {

  public static final EventType<StationHourCounted> TYPE =
      new EventType<>("utilization.hour-counted", 1, Topics.UTILIZATION_EVENTS, StationHourCounted.class);

  public StationHourCounted {
    Require.text(stationId, "stationId");
    Require.present(hour, "hour");
    workerTypes = inEnumOrder(WorkerType.class, Require.present(workerTypes, "workerTypes"));
    services = inEnumOrder(ServiceUsed.class, Require.present(services, "services"));
  }

  /** Written in the enum's order, so the JSON reads the same every time. */
  private static <K extends Enum<K>> Map<K, Long> inEnumOrder(Class<K> keys, Map<K, Long> counts) {
    Map<K, Long> ordered = new EnumMap<>(keys);
    ordered.putAll(counts);
    return Collections.unmodifiableMap(ordered);
  }
}
