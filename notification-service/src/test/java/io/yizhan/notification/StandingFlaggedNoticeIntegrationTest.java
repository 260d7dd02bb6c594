package io.yizhan.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.EventJson;
import io.yizhan.contracts.Topics;
import io.yizhan.contracts.maintenance.MaintenanceOverdue.Tier;
import io.yizhan.contracts.station.Contact;
import io.yizhan.contracts.station.StandingFlagged;
import io.yizhan.contracts.station.StandingFlagged.Flag;
import io.yizhan.contracts.station.StandingFlagged.Recipient;
import io.yizhan.contracts.utilization.StandingChanged.Level;
import io.yizhan.testkit.TestHttp;
import io.yizhan.testkit.TestTokens;
import io.yizhan.testkit.TopicProbe;
import io.yizhan.testkit.YizhanIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

@YizhanIntegrationTest
class StandingFlaggedNoticeIntegrationTest {

  static final List<Recipient> CHAIN = List.of(new Recipient(Tier.STATION_MANAGER, new Contact("王丽", "029-87654321")),
      new Recipient(Tier.REGIONAL_HEAD, new Contact("李强", "029-87650000")));

  @LocalServerPort int port;
  @Autowired MeterRegistry meters;
  final TopicProbe kafka = TopicProbe.onTestBroker();

  @Test
  void an_overloaded_station_tells_its_manager_and_regional_head_what_the_figures_say_once() {
    WebTestClient http = TestHttp.client(port, TestTokens.cityAdmin());
    String station = UUID.randomUUID().toString();
    byte[] overloaded = flagged(station, Flag.OVERLOADED, Level.OVERLOADED, 0.08,
        List.of("08:00 高峰平均每小时 13.8 人次，超过 12 个座位的接待能力"), "考虑延长开放时间、增加座位，或在附近增设站点分流");
    kafka.send(Topics.STATION_EVENTS, station, overloaded);
    kafka.send(Topics.STATION_EVENTS, station, overloaded);

    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
        http.get().uri("/api/notifications?stationId={id}", station).exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.length()").isEqualTo(2)
            .jsonPath("$[?(@.recipientRole == 'STATION_MANAGER')].subject").isEqualTo("站点使用超负荷：钟楼环卫工人驿站")
            .jsonPath("$[?(@.recipientRole == 'STATION_MANAGER')].body").value(body -> assertThat(body.toString())
                .contains("王丽，您好", "近四周（11月8日至12月5日）到访 1512 人次", "08:00 高峰平均每小时 13.8 人次",
                    "建议：考虑延长开放时间、增加座位，或在附近增设站点分流", "与区域站长或总站长商定具体办法"))
            .jsonPath("$[?(@.recipientRole == 'REGIONAL_HEAD')].body").value(body -> assertThat(body.toString())
                .contains("李强，您好", "请与站点管理员一起研究分流办法")));
  }

  @Test
  void hours_that_miss_the_workers_are_told_with_the_share_that_came_while_closed() {
    WebTestClient http = TestHttp.client(port, TestTokens.cityAdmin());
    String station = UUID.randomUUID().toString();
    kafka.send(Topics.STATION_EVENTS, station, flagged(station, Flag.CLOSED_WHEN_NEEDED, Level.NORMAL, 0.37, List.of(),
        null));

    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
        http.get().uri("/api/notifications?stationId={id}", station).exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.length()").isEqualTo(2)
            .jsonPath("$[?(@.recipientRole == 'STATION_MANAGER')].subject").isEqualTo("开放时间待调整：钟楼环卫工人驿站")
            .jsonPath("$[?(@.recipientRole == 'STATION_MANAGER')].body").value(body -> assertThat(body.toString())
                .contains("有 37% 的到访发生在站点未开放的时段", "建议开放时间", "与区县工会商定调整开放时间")
                .doesNotContain("建议：")));
  }

  @Test
  void ops_count_each_notice_written_once_however_often_its_cause_comes() {
    WebTestClient http = TestHttp.client(port, TestTokens.cityAdmin());
    String station = UUID.randomUUID().toString();
    double before = written();
    byte[] idle = flagged(station, Flag.UNDERUSED, Level.UNDERUSED, 0.1, List.of("日均仅 0.2 人次"), null);
    kafka.send(Topics.STATION_EVENTS, station, idle);
    kafka.send(Topics.STATION_EVENTS, station, idle);
    // Behind both on the station's partition: once its notices are there, the repeat was handled.
    kafka.send(Topics.STATION_EVENTS, station, flagged(station, Flag.CLOSED_WHEN_NEEDED, Level.UNDERUSED, 0.4,
        List.of(), null));

    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
        http.get().uri("/api/notifications?stationId={id}", station).exchange()
            .expectBody().jsonPath("$.length()").isEqualTo(4));
    assertThat(written() - before).isEqualTo(4);
  }

  private double written() {
    return meters.get("yizhan.notices.written").tag("kind", "STANDING_FLAGGED").counter().count();
  }

  @Test
  void only_the_stations_own_people_its_district_union_and_the_city_read_its_notices() {
    String station = UUID.randomUUID().toString();
    kafka.send(Topics.STATION_EVENTS, station, flagged(station, Flag.CLOSED_WHEN_NEEDED, Level.NORMAL, 0.37, List.of(),
        null));
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
        TestHttp.client(port, TestTokens.cityAdmin()).get().uri("/api/notifications?stationId={id}", station).exchange()
            .expectBody().jsonPath("$.length()").isEqualTo(2));

    for (String reader : List.of(TestTokens.districtAdmin("碑林区"), TestTokens.stationManager(station))) {
      TestHttp.client(port, reader).get().uri("/api/notifications?stationId={id}", station).exchange()
          .expectStatus().isOk()
          .expectBody().jsonPath("$.length()").isEqualTo(2);
    }
    String elsewhere = UUID.randomUUID().toString();
    for (String stranger : List.of(TestTokens.districtAdmin("雁塔区"), TestTokens.stationManager(elsewhere),
        TestTokens.districtSystem("碑林区"), TestTokens.ops())) {
      TestHttp.client(port, stranger).get().uri("/api/notifications?stationId={id}", station).exchange()
          .expectStatus().isForbidden()
          .expectBody()
          .jsonPath("$.detail").value(detail -> assertThat(detail.toString())
              .contains("只有本站的站点管理员、区域站长，或市总工会、碑林区工会可以查看本站的通知"));
    }
    // No notice yet: nothing names anyone, and nothing says which district the station is in.
    TestHttp.client(port, TestTokens.stationManager(station)).get().uri("/api/notifications?stationId={id}", elsewhere)
        .exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.length()").isEqualTo(0);
  }

  private static byte[] flagged(String station, Flag flag, Level level, double outsideHoursShare, List<String> reasons,
      @Nullable String action) {
    return flagged(station, "碑林区", flag, level, outsideHoursShare, reasons, action);
  }

  /** station-service's announcement that a station of this district is flagged, telling {@link #CHAIN}. */
  static byte[] flagged(String station, String district, Flag flag, Level level, double outsideHoursShare,
      List<String> reasons, @Nullable String action) {
    LocalDate to = LocalDate.parse("2026-12-05");
    return EventJson.write(EventEnvelope.of(StandingFlagged.TYPE, "station-service", station,
        Instant.parse("2026-12-06T02:00:00Z"),
        new StandingFlagged(station, "钟楼环卫工人驿站", district, flag, level, to.minusDays(27), to, 1512, 6.75, 2.4, 1.15,
            outsideHoursShare, reasons, action, CHAIN)));
  }
}
