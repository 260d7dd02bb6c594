package io.yizhan.station.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.yizhan.contracts.EventJson;
import io.yizhan.contracts.Topics;
import io.yizhan.contracts.maintenance.ActivityLogged;
import io.yizhan.contracts.maintenance.MaintenanceOverdue;
import io.yizhan.contracts.maintenance.MaintenanceOverdue.Tier;
import io.yizhan.contracts.maintenance.MaintenanceRecorded;
import io.yizhan.station.registry.StationRegistryIntegrationTest;
import io.yizhan.testkit.EventContracts;
import io.yizhan.testkit.TestHttp;
import io.yizhan.testkit.TestTokens;
import io.yizhan.testkit.TopicProbe;
import io.yizhan.testkit.YizhanIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Upkeep over a month of a station's life, on a clock the test moves: records restart the due
 * interval, lapses climb the chain once per tier, a suspended station is not chased.
 */
@YizhanIntegrationTest
@TestPropertySource(properties = "yizhan.maintenance.escalation.enabled=false")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MaintenanceIntegrationTest {

  static final MovableClock CLOCK = new MovableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

  @TestConfiguration
  static class Time {
    @Bean
    @Primary
    Clock movableClock() {
      return CLOCK;
    }
  }

  @LocalServerPort int port;
  @Autowired EscalatingOverdueTasks escalating;
  final TopicProbe kafka = TopicProbe.onTestBroker();

  @Test
  @Order(1)
  void lapses_climb_the_chain_once_per_tier_and_records_reset_the_clock() {
    WebTestClient http = TestHttp.client(port, TestTokens.cityAdmin());
    String id = (String) http.post().uri("/api/stations").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(StationRegistryIntegrationTest.beilinStation())
        .exchange().expectStatus().isCreated()
        .expectBody(Map.class).returnResult().getResponseBody().get("id");
    Instant opened = CLOCK.instant();

    http.get().uri("/api/maintenance/tasks").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$[*].code")
        .value(codes -> assertThat((List<Object>) codes).containsExactly("CLEANING", "RESTOCKING", "SERVICE_REGISTER",
            "EQUIPMENT_UPKEEP"));
    http.get().uri("/api/stations/{id}/maintenance", id).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.tasks.length()").isEqualTo(4)
        .jsonPath("$.tasks[0].overdue").isEqualTo(false)
        .jsonPath("$.tasks[0].dueAt").value(due ->
            assertThat(Instant.parse((String) due)).isEqualTo(opened.plus(Duration.ofDays(1))));

    // Bad records name each bad field.
    http.post().uri("/api/stations/{id}/maintenance", id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("task", "POLISHING", "doneAt", opened.plus(Duration.ofDays(1)).toString()))
        .exchange().expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[*].field")
        .value(fields -> assertThat((List<Object>) fields).containsExactlyInAnyOrder("task", "doneAt", "by"));

    // Day 2: cleaning is a day overdue and reaches the manager, once however often the round runs.
    CLOCK.advance(Duration.ofDays(2));
    assertThat(escalating.runOnce().block()).isEqualTo(1);
    assertThat(escalating.runOnce().block()).isZero();
    http.post().uri("/api/stations/{id}/maintenance", id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("task", "RESTOCKING", "by", "站点管理员 王丽", "note", "补充饮用水两箱"))
        .exchange().expectStatus().isCreated()
        .expectBody().jsonPath("$.task").isEqualTo("RESTOCKING");

    // Day 10: cleaning is 9 days overdue (regional head); the weekly register 3 days (manager);
    // restocking, done on day 2, fell due on day 9 (manager).
    CLOCK.advance(Duration.ofDays(8));
    assertThat(escalating.runOnce().block()).isEqualTo(3);
    http.get().uri("/api/maintenance/overdue?district=碑林区").exchange().expectStatus().isOk()
        .expectBody()
        .jsonPath("$.total").isEqualTo(3)
        .jsonPath("$.items[0].task").isEqualTo("CLEANING")
        .jsonPath("$.items[0].overdueDays").isEqualTo(9)
        .jsonPath("$.items[0].escalatedTo").isEqualTo("REGIONAL_HEAD")
        .jsonPath("$.items[0].responsible.name").isEqualTo("李强")
        .jsonPath("$.byRegionalHead['李强']").isEqualTo(3)
        .jsonPath("$.byManager['王丽']").isEqualTo(3);
    http.get().uri("/api/maintenance/overdue?district=雁塔区").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.total").isEqualTo(0);
    // It names and rings whoever must act: a district's union reads its own district's (by
    // default), nobody else's; a manager or a machine reads none.
    TestHttp.client(port, TestTokens.districtAdmin("碑林区")).get().uri("/api/maintenance/overdue").exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.total").isEqualTo(3).jsonPath("$.byDistrict['碑林区']").isEqualTo(3)
        .jsonPath("$.stationsByDistrict['碑林区']").isEqualTo(1);   // three tasks, one station
    TestHttp.client(port, TestTokens.districtAdmin("雁塔区")).get().uri("/api/maintenance/overdue?district=碑林区")
        .exchange().expectStatus().isForbidden();
    TestHttp.client(port, TestTokens.districtAdmin("雁塔区")).get().uri("/api/maintenance/overdue").exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.total").isEqualTo(0);
    for (String other : List.of(TestTokens.stationManager(id), TestTokens.districtSystem("碑林区"), TestTokens.ops())) {
      TestHttp.client(port, other).get().uri("/api/maintenance/overdue?district=碑林区").exchange()
          .expectStatus().isForbidden()
          .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("只有市总工会和区县工会可以查看"));
    }

    // Cleaning done: off the list. A suspended station is not chased at all.
    http.post().uri("/api/stations/{id}/maintenance", id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("task", "CLEANING", "by", "站点管理员 王丽")).exchange().expectStatus().isCreated();
    http.get().uri("/api/maintenance/overdue?regionalHead=李强").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.total").isEqualTo(2);
    http.post().uri("/api/stations/{id}/status", id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("action", "SUSPEND", "by", "区域站长 李强", "reason", "内部装修"))
        .exchange().expectStatus().isOk();
    http.get().uri("/api/maintenance/overdue").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.total").isEqualTo(0);
    http.get().uri("/api/stations/{id}/maintenance", id).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.tasks.length()").isEqualTo(0)
        .jsonPath("$.records.length()").isEqualTo(2);

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(events(id, MaintenanceOverdue.TYPE.name()))
        .hasSize(4));
    List<MaintenanceOverdue> overdue = events(id, MaintenanceOverdue.TYPE.name()).stream()
        .map(bytes -> EventJson.read(bytes, MaintenanceOverdue.TYPE).data()).toList();
    assertThat(overdue).extracting(o -> o.task() + "→" + o.escalatedTo()).containsExactlyInAnyOrder(
        "CLEANING→STATION_MANAGER", "CLEANING→REGIONAL_HEAD", "RESTOCKING→STATION_MANAGER",
        "SERVICE_REGISTER→STATION_MANAGER");
    assertThat(overdue).filteredOn(o -> o.escalatedTo() == Tier.REGIONAL_HEAD)
        .extracting(o -> o.contact().name()).containsExactly("李强");
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(events(id, MaintenanceRecorded.TYPE.name()))
        .hasSize(2));
    // Everything published about the station keeps the published contract.
    kafka.recordsContaining(Topics.STATION_EVENTS, id).forEach(r -> EventContracts.assertConforms(r.value()));
  }

  @Test
  @Order(2)
  void activities_are_logged_checked_and_announced() {
    WebTestClient http = TestHttp.client(port, TestTokens.cityAdmin());
    String id = (String) http.post().uri("/api/stations").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(StationRegistryIntegrationTest.beilinStation())
        .exchange().expectStatus().isCreated()
        .expectBody(Map.class).returnResult().getResponseBody().get("id");
    String today = CLOCK.instant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate().toString();

    http.post().uri("/api/stations/{id}/activities", id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("kind", "WINTER_WARMTH", "title", "冬送温暖：姜茶与手套", "participants", 46,
            "by", "站点管理员 王丽"))
        .exchange().expectStatus().isCreated()
        .expectBody().jsonPath("$.kindName").isEqualTo("冬送温暖").jsonPath("$.heldOn").isEqualTo(today);
    http.post().uri("/api/stations/{id}/activities", id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("kind", "KARAOKE", "participants", -1, "heldOn", "2031-01-01"))
        .exchange().expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields)
            .containsExactlyInAnyOrder("kind", "title", "heldOn", "participants", "by"));
    http.post().uri("/api/stations/{id}/activities", "00000000-0000-0000-0000-000000000000")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("kind", "FREE_CLINIC", "title", "义诊", "by", "王丽"))
        .exchange().expectStatus().isNotFound();

    http.get().uri("/api/stations/{id}/activities", id).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].participants").isEqualTo(46);
    http.get().uri("/api/activities/kinds").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$[?(@.code == 'MODEL_WORKER_VISIT')].name").isEqualTo("劳模工匠进站点");
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(events(id, ActivityLogged.TYPE.name()))
        .hasSize(1));
    EventContracts.assertConforms(events(id, ActivityLogged.TYPE.name()).get(0));
  }

  private List<byte[]> events(String stationId, String type) {
    return kafka.recordsContaining(Topics.STATION_EVENTS, stationId).stream()
        .filter(r -> EventJson.readEnvelope(r.value()).eventType().equals(type))
        .map(r -> r.value())
        .toList();
  }

  /** A clock the test moves forward by whole days. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
