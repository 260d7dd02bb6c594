package io.yizhan.assessment;

import static org.awaitility.Awaitility.await;

import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.EventJson;
import io.yizhan.contracts.Topics;
import io.yizhan.contracts.station.Contact;
import io.yizhan.contracts.station.StationKind;
import io.yizhan.contracts.station.StationRegistered;
import io.yizhan.contracts.visit.ServiceUsed;
import io.yizhan.contracts.visit.VisitChannel;
import io.yizhan.contracts.visit.VisitRecorded;
import io.yizhan.contracts.visit.WorkerType;
import io.yizhan.testkit.TopicProbe;
import io.yizhan.testkit.YizhanIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
        .responseTimeout(Duration.ofSeconds(20)).build();
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
    return EventJson.write(EventEnvelope.of(StationRegistered.TYPE, "station-service", station, Instant.now(),
        new StationRegistered(station, "新城区锦翔爱心驿站", StationKind.CARE_STATION, "新城区", "解放路 88 号",
            34.27, 108.96, 20, new Contact("张敏", "029-7654321"))));
  }

  static byte[] visit(String station, WorkerType who) {
    return EventJson.write(EventEnvelope.of(VisitRecorded.TYPE, "visit-service", station, Instant.now(),
        new VisitRecorded(UUID.randomUUID().toString(), station, Instant.now(), who, List.of(ServiceUsed.REST),
            VisitChannel.QR_CHECK_IN, null)));
  }
}
