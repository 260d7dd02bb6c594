package io.yizhan.assessment;

import static org.awaitility.Awaitility.await;

import io.yizhan.contracts.Topics;
import io.yizhan.contracts.visit.WorkerType;
import io.yizhan.testkit.EventFixtures;
import io.yizhan.testkit.TestHttp;
import io.yizhan.testkit.TopicProbe;
import io.yizhan.testkit.YizhanIntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

@YizhanIntegrationTest
class IndicatorsIntegrationTest {

  @LocalServerPort int port;
  WebTestClient http;
  final TopicProbe kafka = TopicProbe.onTestBroker();

  @BeforeEach
  void client() {
    http = TestHttp.client(port);
  }

  @Test
  void indicators_follow_station_and_visit_events_and_count_a_redelivered_visit_once() {
    String station = UUID.randomUUID().toString();
    kafka.send(Topics.STATION_EVENTS, station, registered(station));
    byte[] riderVisit = visit(station, WorkerType.FOOD_DELIVERY);
    kafka.send(Topics.VISIT_EVENTS, station, riderVisit);
    kafka.send(Topics.VISIT_EVENTS, station, riderVisit);
    kafka.send(Topics.VISIT_EVENTS, station, visit(station, WorkerType.SANITATION));

    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
        http.get().uri("/api/assessments/stations/{id}/indicators", station).exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.name").isEqualTo("新城区锦翔爱心驿站")
            .jsonPath("$.kind").isEqualTo("CARE_STATION")
            .jsonPath("$.visitsTotal").isEqualTo(2)
            .jsonPath("$.newEmploymentVisits").isEqualTo(1)
            .jsonPath("$.newEmploymentShare").isEqualTo(0.5));
  }

  @Test
  void a_visit_seen_before_its_station_is_kept_and_the_registration_fills_in_the_rest() {
    String station = UUID.randomUUID().toString();
    kafka.send(Topics.VISIT_EVENTS, station, visit(station, WorkerType.COURIER));
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
        http.get().uri("/api/assessments/stations/{id}/indicators", station).exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.visitsTotal").isEqualTo(1));

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

  static byte[] registered(String station) {
    return EventFixtures.stationRegistered(station, "新城区锦翔爱心驿站", "新城区");
  }


  static byte[] visit(String station, WorkerType who) {
    return EventFixtures.visitRecorded(station, who);
  }

}
