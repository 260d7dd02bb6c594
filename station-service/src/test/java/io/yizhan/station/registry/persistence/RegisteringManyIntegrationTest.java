package io.yizhan.station.registry.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.yizhan.contracts.EventJson;
import io.yizhan.contracts.Topics;
import io.yizhan.contracts.station.AreaType;
import io.yizhan.contracts.station.BuildMode;
import io.yizhan.contracts.station.Contact;
import io.yizhan.contracts.station.StationKind;
import io.yizhan.contracts.station.StationRegistered;
import io.yizhan.contracts.station.StationStatus;
import io.yizhan.hours.DateException;
import io.yizhan.hours.OpeningHours;
import io.yizhan.hours.TimeRange;
import io.yizhan.station.registry.GeoPoint;
import io.yizhan.station.registry.ResponsibilityChain;
import io.yizhan.station.registry.Station;
import io.yizhan.station.registry.StationId;
import io.yizhan.station.registry.Stations;
import io.yizhan.testkit.TopicProbe;
import io.yizhan.testkit.YizhanIntegrationTest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A district's file is stored in two statements (a JSON array of rows, then the events): every
 * detail must read back as it was given, as it does for a station registered alone.
 */
@YizhanIntegrationTest
class RegisteringManyIntegrationTest {

  @Autowired Stations stations;
  final TopicProbe kafka = TopicProbe.onTestBroker();

  static final Instant REGISTERED = Instant.parse("2026-11-28T02:15:30.123456Z");

  @Test
  void every_detail_of_every_station_reads_back_and_each_is_announced_once() {
    OpeningHours lateFriday = new OpeningHours(false, Map.of(
        DayOfWeek.MONDAY, List.of(new TimeRange(LocalTime.of(8, 0), LocalTime.of(22, 0))),
        DayOfWeek.FRIDAY, List.of(new TimeRange(LocalTime.of(8, 0), LocalTime.of(2, 0)))),
        List.of(new DateException(LocalDate.of(2027, 2, 17), List.of(), "春节闭站")));
    Station complete = new Station(new StationId(UUID.randomUUID()), "碑林区光大银行爱心驿站", StationKind.CARE_STATION,
        BuildMode.SOCIETY_ASSISTED, "中国光大银行 \"东大街\" 支行", "碑林区", AreaType.MAIN_URBAN, "东大街 1 号",
        new GeoPoint(34.259612345678, 108.953212345678), 12, "029-87650000",
        List.of("https://example.org/a.jpg", "https://example.org/b.jpg"), lateFriday, List.of("SIGN", "DRINKING_WATER"),
        new ResponsibilityChain(new Contact("王丽", "029-87654321"), new Contact("周敏", "029-88881111"),
            new Contact("刘洋", "029-88882222")),
        StationStatus.ACTIVE, 1, REGISTERED);
    Station bare = new Station(new StationId(UUID.randomUUID()), "未央区环卫工人服务点", StationKind.SERVICE_POINT,
        null, null, "未央区", null, "凤城八路", new GeoPoint(34.33, 108.94), 1, null,
        List.of(), OpeningHours.unknown(), List.of(),
        new ResponsibilityChain(new Contact("赵刚", "13800000000"), null, null),
        StationStatus.PLANNED, 1, REGISTERED);
    Station alwaysOpen = new Station(new StationId(UUID.randomUUID()), "高新区 24 小时驿站", StationKind.CARE_STATION,
        BuildMode.UNION_BUILT, null, "高新区", AreaType.DEVELOPMENT_ZONE, "科技路 8 号", new GeoPoint(34.23, 108.88), 30,
        null, List.of(), new OpeningHours(true, Map.of(), List.of()), List.of("CHARGING"),
        new ResponsibilityChain(new Contact("钱多", "029-1"), new Contact("孙二", "029-2"), null),
        StationStatus.ACTIVE, 1, REGISTERED);

    stations.registerAll(List.of(complete, bare, alwaysOpen)).block();

    for (Station station : List.of(complete, bare, alwaysOpen)) {
      assertThat(stations.find(station.id()).block()).isEqualTo(station);
    }
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      for (Station station : List.of(complete, bare, alwaysOpen)) {
        var published = kafka.recordsContaining(Topics.STATION_EVENTS, station.id().toString()).stream()
            .map(record -> EventJson.read(record.value(), StationRegistered.TYPE))
            .toList();
        assertThat(published).hasSize(1);
        assertThat(published.get(0).data().name()).isEqualTo(station.name());
      }
    });
  }
}
