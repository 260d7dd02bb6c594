package io.yizhan.testkit;

import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.EventJson;
import io.yizhan.contracts.station.Contact;
import io.yizhan.contracts.station.StationKind;
import io.yizhan.contracts.station.StationRegistered;
import io.yizhan.contracts.visit.ServiceUsed;
import io.yizhan.contracts.visit.VisitChannel;
import io.yizhan.contracts.visit.VisitRecorded;
import io.yizhan.contracts.visit.WorkerType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Events as their producers write them, for tests of the services that consume them. */
public final class EventFixtures {

  /** A care station in 碑林区 managed by 王丽, as station-service announces it. */
  public static byte[] stationRegistered(String stationId, String name, String district) {
    return EventJson.write(EventEnvelope.of(StationRegistered.TYPE, "station-service", stationId, Instant.now(),
        new StationRegistered(stationId, name, StationKind.CARE_STATION, district, "东大街 1 号",
            34.2596, 108.9532, 12, new Contact("王丽", "029-87654321"))));
  }

  /** A QR check-in happening now, as visit-service announces it. */
  public static byte[] visitRecorded(String stationId, WorkerType who) {
    return EventJson.write(EventEnvelope.of(VisitRecorded.TYPE, "visit-service", stationId, Instant.now(),
        new VisitRecorded(UUID.randomUUID().toString(), stationId, Instant.now(), who, List.of(ServiceUsed.REST),
            VisitChannel.QR_CHECK_IN, null)));
  }

  private EventFixtures() {}
}
