package io.yizhan.contracts;

import io.yizhan.contracts.station.AreaType;
import io.yizhan.contracts.station.BuildMode;
import io.yizhan.contracts.station.Contact;
import io.yizhan.contracts.station.Hours;
import io.yizhan.contracts.station.StationHoursChanged;
import io.yizhan.contracts.station.StationStatus;
import io.yizhan.contracts.station.StationStatusChanged;
import io.yizhan.contracts.station.StationKind;
import io.yizhan.contracts.station.StationRegistered;
import io.yizhan.contracts.visit.ServiceUsed;
import io.yizhan.contracts.visit.VisitChannel;
import io.yizhan.contracts.visit.VisitRecorded;
import io.yizhan.contracts.visit.VisitReported;
import io.yizhan.contracts.visit.WorkerType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One fixed, realistic example of each event: the content of the golden files. */
final class EventMother {

  static final String STATION_ID = "0b7e2c1a-5d7f-4a55-9f51-3c2f7d1e9a10";
  static final Instant AT = Instant.parse("2026-11-28T02:15:30Z");

  static EventEnvelope<StationRegistered> stationRegistered() {
    return new EventEnvelope<>(
        UUID.fromString("5f0c8a52-8f3e-4c1d-9a6e-2b1d0c9e7f01"),
        StationRegistered.TYPE.name(),
        1,
        AT,
        "station-service",
        STATION_ID,
        new StationRegistered(
            STATION_ID,
            "碑林区光大银行爱心驿站",
            StationKind.CARE_STATION,
            "碑林区",
            "陕西省西安市碑林区东大街 1 号",
            34.2596,
            108.9532,
            12,
            new Contact("王丽", "029-87654321"),
            new Contact("李强", "029-87650000"),
            new Contact("张敏", "029-87659999"),
            BuildMode.SOCIETY_ASSISTED,
            "中国光大银行西安分行",
            AreaType.MAIN_URBAN,
            StationStatus.ACTIVE,
            OFFICE_HOURS,
            List.of("SIGN", "SEATING", "DRINKING_WATER", "CHARGING")));
  }

  /** Monday to Friday 9–17, closed on New Year's Day. */
  static final Hours OFFICE_HOURS = new Hours(
      false,
      new java.util.TreeMap<>(java.util.Map.of(
          "MONDAY", List.of(new Hours.Range("09:00", "17:00")),
          "TUESDAY", List.of(new Hours.Range("09:00", "17:00")),
          "WEDNESDAY", List.of(new Hours.Range("09:00", "17:00")),
          "THURSDAY", List.of(new Hours.Range("09:00", "17:00")),
          "FRIDAY", List.of(new Hours.Range("09:00", "17:00")))),
      List.of(new Hours.DateHours(java.time.LocalDate.of(2027, 1, 1), List.of(), "元旦")));

  /** The same registration as a producer wrote it before the optional fields were added. */
  static EventEnvelope<StationRegistered> stationRegisteredBeforeAdditions() {
    EventEnvelope<StationRegistered> full = stationRegistered();
    StationRegistered d = full.data();
    return new EventEnvelope<>(full.eventId(), full.eventType(), 1, full.occurredAt(), full.source(), full.subject(),
        new StationRegistered(d.stationId(), d.name(), d.kind(), d.district(), d.address(), d.latitude(),
            d.longitude(), d.capacity(), d.manager()));
  }

  static EventEnvelope<StationHoursChanged> stationHoursChanged() {
    return new EventEnvelope<>(
        UUID.fromString("2a7d9e41-6c3b-4f8a-9d2e-7b1c5f3a8e02"),
        StationHoursChanged.TYPE.name(),
        1,
        AT,
        "station-service",
        STATION_ID,
        new StationHoursChanged(STATION_ID, 2, new Hours(
            false,
            java.util.Map.of(
                "FRIDAY", List.of(new Hours.Range("07:00", "12:00"), new Hours.Range("18:00", "02:00"))),
            List.of())));
  }

  static EventEnvelope<StationStatusChanged> stationStatusChanged() {
    return new EventEnvelope<>(
        UUID.fromString("9c4e2b7a-1d5f-4e3a-8b6c-0f2a7d9e1b53"),
        StationStatusChanged.TYPE.name(),
        1,
        AT,
        "station-service",
        STATION_ID,
        new StationStatusChanged(STATION_ID, 3, StationStatus.ACTIVE, StationStatus.SUSPENDED,
            "区域站长 李强", "内部装修，预计两周"));
  }

  static EventEnvelope<VisitRecorded> visitRecorded() {
    return new EventEnvelope<>(
        UUID.fromString("8d1f6b0e-2a4c-4e7b-b3c5-7f9a1e2d3c40"),
        VisitRecorded.TYPE.name(),
        1,
        AT,
        "visit-service",
        STATION_ID,
        new VisitRecorded(
            "c3a9e7d2-6b1f-4f0a-8e5d-9b2c4a1f7e63",
            STATION_ID,
            Instant.parse("2026-11-28T02:15:00Z"),
            WorkerType.FOOD_DELIVERY,
            List.of(ServiceUsed.WATER, ServiceUsed.CHARGING),
            VisitChannel.QR_CHECK_IN,
            "w-7f3a91"));
  }

  static EventEnvelope<VisitReported> visitReported() {
    return new EventEnvelope<>(
        UUID.fromString("1e4b7c9a-3f2d-4a6b-8c1e-5d9f0a2b4c87"),
        VisitReported.TYPE.name(),
        1,
        AT,
        "district-system:碑林区",
        STATION_ID,
        new VisitReported(
            "beilin-2026-000123",
            STATION_ID,
            Instant.parse("2026-11-28T01:05:00Z"),
            WorkerType.SANITATION,
            List.of(ServiceUsed.TOILET, ServiceUsed.REST),
            null));
  }

  private EventMother() {}
}
