package io.yizhan.testkit;

import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.EventJson;
import io.yizhan.contracts.station.Contact;
import io.yizhan.contracts.station.StationKind;
import io.yizhan.contracts.station.StationRegistered;
import io.yizhan.contracts.utilization.StationHourCounted;
import io.yizhan.contracts.visit.ServiceUsed;
import io.yizhan.contracts.visit.WorkerType;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** Events as their producers write them, for tests of the services that consume them. */
public final class EventFixtures {

  /** A care station in 碑林区 managed by 王丽, as station-service announces it. */
  public static byte[] stationRegistered(String stationId, String name, String district) {
    return EventJson.write(EventEnvelope.of(StationRegistered.TYPE, "station-service", stationId, Instant.now(),
        new StationRegistered(stationId, name, StationKind.CARE_STATION, district, "东大街 1 号",
            34.2596, 108.9532, 12, new Contact("王丽", "029-87654321"))));
  }

  /**
   * Where a station's use in one hour stands, as visit-service announces it: {@code visits} in all,
   * {@code riders} of them food-delivery riders, the rest sanitation workers, each resting.
   */
  public static byte[] stationHourCounted(String stationId, Instant hour, long visits, long riders) {
    Map<WorkerType, Long> workers = new EnumMap<>(WorkerType.class);
    for (WorkerType type : WorkerType.values()) {
      workers.put(type, 0L);
    }
    workers.put(WorkerType.FOOD_DELIVERY, riders);
    workers.put(WorkerType.SANITATION, visits - riders);
    Map<ServiceUsed, Long> services = new EnumMap<>(ServiceUsed.class);
    for (ServiceUsed service : ServiceUsed.values()) {
      services.put(service, 0L);
    }
    services.put(ServiceUsed.REST, visits);
    return EventJson.write(EventEnvelope.of(StationHourCounted.TYPE, "visit-service", stationId, Instant.now(),
        new StationHourCounted(stationId, hour, visits, 0, 0, workers, services)));
  }

  private EventFixtures() {}
}
