package io.yizhan.contracts;

import io.yizhan.contracts.maintenance.ActivityLogged;
import io.yizhan.contracts.maintenance.MaintenanceOverdue;
import io.yizhan.contracts.maintenance.MaintenanceRecorded;
import io.yizhan.contracts.station.AreaType;
import io.yizhan.contracts.station.BuildMode;
import io.yizhan.contracts.station.Contact;
import io.yizhan.contracts.station.Hours;
import io.yizhan.contracts.station.StandingFlagged;
import io.yizhan.contracts.station.StationHoursChanged;
import io.yizhan.contracts.station.StationStatus;
import io.yizhan.contracts.station.StationStatusChanged;
import io.yizhan.contracts.station.StationKind;
import io.yizhan.contracts.station.StationRegistered;
import io.yizhan.contracts.station.StationUpdated;
import io.yizhan.contracts.visit.ServiceUsed;
import io.yizhan.contracts.visit.VisitChannel;
import io.yizhan.contracts.visit.VisitRecorded;
import io.yizhan.contracts.visit.VisitReported;
import io.yizhan.contracts.utilization.StandingChanged;
import io.yizhan.contracts.utilization.StationHourCounted;
import java.util.EnumMap;
import java.util.Map;
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
            "w-7f3a91",
            false));
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

  static EventEnvelope<StationUpdated> stationUpdated() {
    return new EventEnvelope<>(
        UUID.fromString("3a1d9e6b-7c2f-4b8a-9e5d-1f0c6b2a8d47"),
        StationUpdated.TYPE.name(),
        1,
        AT,
        "station-service",
        STATION_ID,
        new StationUpdated(
            STATION_ID,
            4,
            "碑林区光大银行爱心驿站",
            StationKind.CARE_STATION,
            "碑林区",
            "陕西省西安市碑林区东大街 3 号",
            34.2597,
            108.9535,
            16,
            new Contact("赵静", "029-87654322"),
            new Contact("李强", "029-87650000"),
            new Contact("张敏", "029-87659999"),
            BuildMode.SOCIETY_ASSISTED,
            "中国光大银行西安分行",
            AreaType.MAIN_URBAN,
            "029-87654300",
            List.of("https://img.example/yizhan/beilin-1.jpg"),
            List.of("SIGN", "SEATING", "DRINKING_WATER", "CHARGING", "MICROWAVE"),
            "碑林区总工会 刘洋"));
  }

  static EventEnvelope<MaintenanceRecorded> maintenanceRecorded() {
    return new EventEnvelope<>(
        UUID.fromString("6e2b8c4d-0a9f-4d1e-b7c3-5a8f2e1d9c60"),
        MaintenanceRecorded.TYPE.name(),
        1,
        AT,
        "station-service",
        STATION_ID,
        new MaintenanceRecorded("d4f1a7c2-8e3b-4a6d-9c0f-2b7e5a1d8c34", STATION_ID, "RESTOCKING",
            Instant.parse("2026-11-28T01:40:00Z"), "站点管理员 王丽", "补充饮用水两箱、一次性纸杯"));
  }

  static EventEnvelope<MaintenanceOverdue> maintenanceOverdue() {
    return new EventEnvelope<>(
        UUID.fromString("b1c7e3a9-4f2d-4e8b-a6d0-7c9e1f3b5a82"),
        MaintenanceOverdue.TYPE.name(),
        1,
        AT,
        "station-service",
        STATION_ID,
        new MaintenanceOverdue(STATION_ID, "碑林区光大银行爱心驿站", "碑林区", "EQUIPMENT_UPKEEP", "设备维护",
            Instant.parse("2026-11-18T02:00:00Z"), Instant.parse("2026-10-19T02:00:00Z"), 10,
            MaintenanceOverdue.Tier.REGIONAL_HEAD, new Contact("李强", "029-87650000")));
  }

  static EventEnvelope<ActivityLogged> activityLogged() {
    return new EventEnvelope<>(
        UUID.fromString("f0a3d6c9-2b8e-4c1f-9d7a-3e6b0c8f1a25"),
        ActivityLogged.TYPE.name(),
        1,
        AT,
        "station-service",
        STATION_ID,
        new ActivityLogged("7b2e9d4f-1c6a-4f3e-8a0d-9e5c2b7f4d16", STATION_ID, "WINTER_WARMTH", "冬送温暖：姜茶与手套",
            java.time.LocalDate.parse("2026-11-27"), 46, "站点管理员 王丽"));
  }

  static EventEnvelope<StationHourCounted> stationHourCounted() {
    Map<WorkerType, Long> workers = new EnumMap<>(WorkerType.class);
    for (WorkerType type : WorkerType.values()) {
      workers.put(type, 0L);
    }
    workers.put(WorkerType.SANITATION, 3L);
    workers.put(WorkerType.FOOD_DELIVERY, 4L);
    workers.put(WorkerType.RIDE_HAILING, 1L);
    Map<ServiceUsed, Long> services = new EnumMap<>(ServiceUsed.class);
    for (ServiceUsed service : ServiceUsed.values()) {
      services.put(service, 0L);
    }
    services.put(ServiceUsed.WATER, 6L);
    services.put(ServiceUsed.CHARGING, 4L);
    services.put(ServiceUsed.TOILET, 2L);
    return new EventEnvelope<>(
        UUID.fromString("7d0c5f3e-2b1a-4c8d-9e6f-0a1b2c3d4e5f"),
        StationHourCounted.TYPE.name(),
        1,
        AT,
        "visit-service",
        STATION_ID,
        new StationHourCounted(STATION_ID, Instant.parse("2026-11-28T01:00:00Z"), 8, 2, 0, workers, services));
  }

  static EventEnvelope<StandingChanged> standingChanged() {
    return new EventEnvelope<>(
        UUID.fromString("3c9e1a7b-5f2d-4e8a-b6c0-d4f7a2e9b150"),
        StandingChanged.TYPE.name(),
        1,
        AT,
        "visit-service",
        STATION_ID,
        new StandingChanged(STATION_ID, "钟楼环卫工人驿站", "碑林区", StandingChanged.Level.OVERLOADED,
            StandingChanged.Level.NORMAL, false, java.time.LocalDate.parse("2026-10-31"),
            java.time.LocalDate.parse("2026-11-27"), 1512, 6.75, 2.4, 1.15, 0.08,
            java.util.List.of("08:00 高峰平均每小时 13.8 人次，超过 4 个座位的接待能力（约 12 人次/小时）",
                "每座位日均 6.8 人次，是本区中位站点的 2.4 倍"),
            "考虑延长开放时间、增加座位，或在附近增设站点分流"));
  }

  static EventEnvelope<StandingFlagged> standingFlagged() {
    return new EventEnvelope<>(
        UUID.fromString("8e2d4b6f-1a3c-4e5d-9f7a-0b2c4d6e8f13"),
        StandingFlagged.TYPE.name(),
        1,
        AT,
        "station-service",
        STATION_ID,
        new StandingFlagged(STATION_ID, "钟楼环卫工人驿站", "碑林区",
            StandingFlagged.Flag.OVERLOADED, StandingChanged.Level.OVERLOADED,
            java.time.LocalDate.parse("2026-10-31"), java.time.LocalDate.parse("2026-11-27"), 1512, 6.75, 2.4, 1.15,
            0.08,
            List.of("08:00 高峰平均每小时 13.8 人次，超过 4 个座位的接待能力（约 12 人次/小时）",
                "每座位日均 6.8 人次，是本区中位站点的 2.4 倍"),
            "考虑延长开放时间、增加座位，或在附近增设站点分流",
            List.of(
                new StandingFlagged.Recipient(MaintenanceOverdue.Tier.STATION_MANAGER,
                    new Contact("王丽", "13800000000")),
                new StandingFlagged.Recipient(MaintenanceOverdue.Tier.REGIONAL_HEAD,
                    new Contact("李强", "029-87650000")))));
  }

  private EventMother() {}
}
