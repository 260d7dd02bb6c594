package io.yizhan.visit.checkin.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.testkit.TestHttp;
import io.yizhan.testkit.TestTokens;
import io.yizhan.testkit.TopicProbe;
import io.yizhan.visit.AnnouncedStations;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
  void a_worker_checks_in_without_a_token_and_a_register_with_one_but_a_bad_token_is_refused() {
    String station = registeredStation();
    Map<String, Object> checkIn = Map.of("stationId", station, "workerType", "SANITATION", "services", List.of("REST"),
        "channel", "MANAGER_REGISTER");

    TestHttp.client(port, TestTokens.stationManager(station)).post().uri("/api/visits")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(checkIn).exchange()
        .expectStatus().isCreated();
    TestHttp.client(port, "Bearer not-a-token").post().uri("/api/visits")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(checkIn).exchange()
        .expectStatus().isUnauthorized()
        .expectHeader().valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"")
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.type").isEqualTo("urn:yizhan:problem:invalid-token");
  }

  @Test
  void only_whoever_runs_the_station_may_enter_a_visit_as_its_register_and_nothing_refused_is_recorded() {
    String station = registeredStation();
    String otherStation = registeredStation();
    String visitId = UUID.randomUUID().toString();
    Map<String, Object> entry = Map.of("visitId", visitId, "stationId", station, "workerType", "SANITATION",
        "channel", "MANAGER_REGISTER");

    http.post().uri("/api/visits").contentType(MediaType.APPLICATION_JSON).bodyValue(entry).exchange()
        .expectStatus().isUnauthorized()
        .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type").isEqualTo("urn:yizhan:problem:unauthorized")
        .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("QR_CHECK_IN"));
    TestHttp.client(port, TestTokens.stationManager(otherStation)).post().uri("/api/visits")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(entry).exchange()
        .expectStatus().isForbidden()
        .expectBody().jsonPath("$.type").isEqualTo("urn:yizhan:problem:forbidden");
    TestHttp.client(port, TestTokens.districtAdmin("莲湖区")).post().uri("/api/visits")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(entry).exchange()
        .expectStatus().isForbidden();
    http.get().uri("/api/visits/" + visitId).header("Authorization", TestTokens.cityAdmin()).exchange()
        .expectStatus().isNotFound();

    TestHttp.client(port, TestTokens.districtAdmin("雁塔区")).post().uri("/api/visits")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(entry).exchange()
        .expectStatus().isCreated()
        .expectBody().jsonPath("$.channel").isEqualTo("MANAGER_REGISTER");
    // The door's QR code needs nobody's word, whoever sends it.
    http.post().uri("/api/visits").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("stationId", station, "workerType", "COURIER", "channel", "QR_CHECK_IN")).exchange()
        .expectStatus().isCreated();
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

  /**
   * The gateway relays check-ins over keep-alive connections: one that stopped being read would
   * leave every later check-in on it unanswered. Stored check-ins (answered after the database)
   * and refused ones (answered without it) in turn, on one connection, must all be answered.
   * Reactor Netty 1.3.6 can stop reading a connection that way (reactor/reactor-netty#4361, seen in
   * station-service); this loop did not reproduce it here even with check-ins answered on another
   * thread, so it guards the route's answers, not that particular race.
   */
  @Test
  void one_keep_alive_connection_gets_every_answer_when_stored_and_refused_check_ins_alternate() throws Exception {
    String station = registeredStation();
    HttpClient oneConnection = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI checkIns = URI.create("http://localhost:" + port + "/api/visits");
    for (int i = 0; i < 60; i++) {
      String body = i % 2 == 0 ? "{\"stationId\": \"" + station + "\", \"workerType\": \"COURIER\"}" : "[1, 2]";
      HttpResponse<String> answer = oneConnection.send(HttpRequest.newBuilder(checkIns)
              .header("Content-Type", "application/json")
              .timeout(Duration.ofSeconds(5))
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as("check-in %d", i).isEqualTo(i % 2 == 0 ? 201 : 400);
    }
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

    String scraped = http.get().uri("/actuator/prometheus").header("Authorization", TestTokens.ops()).exchange()
        .expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();
    // Operations' dashboards and alerts read these series; Prometheus takes a name only with one
    // set of tag names, so check-ins must carry exactly the tags of every other request.
    assertThat(scraped)
        .contains("http_server_requests_seconds_count{application=\"visit-service\",error=\"none\","
            + "exception=\"none\",method=\"POST\",outcome=\"SUCCESS\",status=\"201\",uri=\"/api/visits\"}")
        .containsPattern("http_server_requests_seconds_count\\{application=\"visit-service\",[^}]*"
            + "outcome=\"CLIENT_ERROR\",status=\"400\",uri=\"/api/visits\"\\}")
        .containsPattern("http_server_requests_seconds_count\\{application=\"visit-service\",[^}]*"
            + "uri=\"/api/utilization/stations/\\{id\\}\"\\}")
        // Answer-time buckets: what loadgen's checkins and the YizhanCheckInsSlow alert read.
        .containsPattern("http_server_requests_seconds_bucket\\{application=\"visit-service\",[^}]*"
            + "status=\"201\",uri=\"/api/visits\",le=\"0.05\"\\}");
  }
}
