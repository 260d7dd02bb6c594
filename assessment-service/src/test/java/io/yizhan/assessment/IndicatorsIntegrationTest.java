package io.yizhan.assessment;

import static org.awaitility.Awaitility.await;

import io.yizhan.contracts.Topics;
import io.yizhan.testkit.EventFixtures;
import io.yizhan.testkit.TestHttp;
import io.yizhan.testkit.TestTokens;
import io.yizhan.testkit.TopicProbe;
import io.yizhan.testkit.YizhanIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

@YizhanIntegrationTest
class IndicatorsIntegrationTest {

  static final Instant EIGHT_AM = Instant.parse("2026-11-30T00:00:00Z");   // 08:00 in Xi'an
  static final Instant NOON = Instant.parse("2026-11-30T04:00:00Z");
  static final Instant EVENING = Instant.parse("2026-11-30T10:00:00Z");

  @LocalServerPort int port;
  WebTestClient http;
  final TopicProbe kafka = TopicProbe.onTestBroker();

  @BeforeEach
  void client() {
    http = TestHttp.client(port, TestTokens.cityAdmin());
  }

  @Test
  void indicators_are_for_signed_in_assessors() {
    TestHttp.client(port).get().uri("/api/assessments/stations/{id}/indicators", UUID.randomUUID()).exchange()
        .expectStatus().isUnauthorized();
  }

  @Test
  void indicators_add_each_hour_once_at_its_latest_counts_whatever_comes_again_or_late() {
    String station = UUID.randomUUID().toString();
    kafka.send(Topics.STATION_EVENTS, station, registered(station));
    kafka.send(Topics.UTILIZATION_EVENTS, station, EventFixtures.stationHourCounted(station, EIGHT_AM, 3, 1));
    awaitIndicators(station, 3, 1);

    // The hour grows, its older figure comes again, and another hour arrives twice.
    kafka.send(Topics.UTILIZATION_EVENTS, station, EventFixtures.stationHourCounted(station, EIGHT_AM, 5, 2));
    kafka.send(Topics.UTILIZATION_EVENTS, station, EventFixtures.stationHourCounted(station, EIGHT_AM, 3, 1));
    kafka.send(Topics.UTILIZATION_EVENTS, station, EventFixtures.stationHourCounted(station, NOON, 2, 2));
    kafka.send(Topics.UTILIZATION_EVENTS, station, EventFixtures.stationHourCounted(station, NOON, 2, 2));
    awaitIndicators(station, 7, 4);

    // The older figure once more, alone in its poll, then a new hour to know it was read.
    kafka.send(Topics.UTILIZATION_EVENTS, station, EventFixtures.stationHourCounted(station, EIGHT_AM, 3, 1));
    kafka.send(Topics.UTILIZATION_EVENTS, station, EventFixtures.stationHourCounted(station, EVENING, 1, 0));
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
        http.get().uri("/api/assessments/stations/{id}/indicators", station).exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.name").isEqualTo("新城区锦翔爱心驿站")
            .jsonPath("$.kind").isEqualTo("CARE_STATION")
            .jsonPath("$.visitsTotal").isEqualTo(8)
            .jsonPath("$.newEmploymentVisits").isEqualTo(4)
            .jsonPath("$.newEmploymentShare").isEqualTo(0.5)
            .jsonPath("$.firstVisitHour").isEqualTo("2026-11-30T00:00:00Z")
            .jsonPath("$.lastVisitHour").isEqualTo("2026-11-30T10:00:00Z"));
  }

  @Test
  void an_hour_counted_before_its_station_is_seen_is_kept_and_the_registration_fills_in_the_rest() {
    String station = UUID.randomUUID().toString();
    kafka.send(Topics.UTILIZATION_EVENTS, station, EventFixtures.stationHourCounted(station, NOON, 1, 1));
    awaitIndicators(station, 1, 1);

    kafka.send(Topics.STATION_EVENTS, station, registered(station));
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
        http.get().uri("/api/assessments/stations/{id}/indicators", station).exchange()
            .expectStatus().isOk().expectBody()
            .jsonPath("$.district").isEqualTo("新城区")
            .jsonPath("$.visitsTotal").isEqualTo(1));
  }

  @Test
  void an_unknown_station_has_no_indicators_yet() {
    http.get().uri("/api/assessments/stations/{id}/indicators", UUID.randomUUID()).exchange()
        .expectStatus().isNotFound()
        .expectBody().jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions
            .assertThat((String) detail).contains("请稍后再试"));
  }

  private void awaitIndicators(String station, long visits, long newEmployment) {
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
        http.get().uri("/api/assessments/stations/{id}/indicators", station).exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.visitsTotal").isEqualTo(visits)
            .jsonPath("$.newEmploymentVisits").isEqualTo(newEmployment));
  }

  static byte[] registered(String station) {
    return EventFixtures.stationRegistered(station, "新城区锦翔爱心驿站", "新城区");
  }
}
