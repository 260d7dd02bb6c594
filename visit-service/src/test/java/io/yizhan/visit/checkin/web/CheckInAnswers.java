package io.yizhan.visit.checkin.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.testkit.TestHttp;
import io.yizhan.testkit.TopicProbe;
import io.yizhan.visit.AnnouncedStations;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What a caller of {@code POST /api/visits} reads, the same whichever way the check-in reaches
 * the service: the Netty route ahead of WebFlux ({@link CheckInRouteIntegrationTest}) or the
 * controller ({@link CheckInControllerIntegrationTest}).
 */
abstract class CheckInAnswers {

  @LocalServerPort int port;
  WebTestClient http;
  final TopicProbe kafka = TopicProbe.onTestBroker();

  @BeforeEach
  void client() {
    http = TestHttp.client(port);
  }

  String registeredStation() {
    return AnnouncedStations.registered(http, kafka, "雁塔区小寨东路爱心驿站", "雁塔区");
  }

  @Test
  void a_check_in_is_created_with_its_location_and_its_retry_is_answered_as_a_duplicate() {
    String station = registeredStation();
    String key = UUID.randomUUID().toString();
    Map<String, Object> checkIn = Map.of("stationId", station, "workerType", "COURIER", "services", List.of("WATER"));

    http.post().uri("/api/visits").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(checkIn).exchange()
        .expectStatus().isCreated()
        .expectHeader().location("/api/visits/" + key)
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
        .expectBody()
        .jsonPath("$.visitId").isEqualTo(key)
        .jsonPath("$.stationId").isEqualTo(station)
        .jsonPath("$.services[0]").isEqualTo("WATER")
        .jsonPath("$.duplicate").isEqualTo(false);
    http.post().uri("/api/visits").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(checkIn).exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.duplicate").isEqualTo(true);
  }

  @Test
  void a_check_in_with_bad_fields_gets_a_problem_naming_each_of_them() {
    String station = registeredStation();
    http.post().uri("/api/visits").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("stationId", station, "workerType", "ASTRONAUT", "services", List.of("SAUNA")))
        .exchange()
        .expectStatus().isBadRequest()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type").isEqualTo("urn:yizhan:problem:invalid-request")
        .jsonPath("$.status").isEqualTo(400)
        .jsonPath("$.instance").isEqualTo("/api/visits")
        .jsonPath("$.errors[*].field").<List<Object>>value(fields -> assertThat(fields).contains("workerType", "services"));
  }

  @Test
  void a_body_that_is_not_json_gets_a_problem_not_a_500() {
    http.post().uri("/api/visits").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"stationId\": ")
        .exchange()
        .expectStatus().isBadRequest()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.type").isEqualTo("urn:yizhan:problem:unreadable-request");
    http.post().uri("/api/visits").contentType(MediaType.APPLICATION_JSON).bodyValue("[1, 2]")
        .exchange()
        .expectStatus().isBadRequest()
        .expectBody().jsonPath("$.type").isEqualTo("urn:yizhan:problem:unreadable-request");
    http.post().uri("/api/visits").contentType(MediaType.TEXT_PLAIN).bodyValue("stationId=1")
        .exchange()
        .expectStatus().isEqualTo(415)
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void check_ins_are_timed_in_the_servers_metric_with_webfluxs_tags() {
    String station = registeredStation();
    http.post().uri("/api/visits").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("stationId", station, "workerType", "TAXI_DRIVER")).exchange()
        .expectStatus().isCreated();
    http.post().uri("/api/visits").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("stationId", station, "workerType", "ASTRONAUT")).exchange()
        .expectStatus().isBadRequest();

    String scraped = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();
    // Operations' dashboards and alerts read these series; Prometheus takes a name only with one
    // set of tag names, so check-ins must carry exactly the tags of every other request.
    assertThat(scraped)
        .contains("http_server_requests_seconds_count{application=\"visit-service\",error=\"none\","
            + "exception=\"none\",method=\"POST\",outcome=\"SUCCESS\",status=\"201\",uri=\"/api/visits\"}")
        .containsPattern("http_server_requests_seconds_count\\{application=\"visit-service\",[^}]*"
            + "outcome=\"CLIENT_ERROR\",status=\"400\",uri=\"/api/visits\"\\}")
        .containsPattern("http_server_requests_seconds_count\\{application=\"visit-service\",[^}]*"
            + "uri=\"/api/utilization/stations/\\{id\\}\"\\}");
  }
}
