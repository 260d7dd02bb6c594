package io.yizhan.station.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.EventJson;
import io.yizhan.contracts.Topics;
import io.yizhan.contracts.station.StationKind;
import io.yizhan.contracts.station.StationRegistered;
import io.yizhan.testkit.TestHttp;
import io.yizhan.testkit.TopicProbe;
import io.yizhan.testkit.YizhanIntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@YizhanIntegrationTest
class StationRegistryIntegrationTest {

  @LocalServerPort int port;
  WebTestClient http;
  final TopicProbe kafka = TopicProbe.onTestBroker();

  @BeforeEach
  void client() {
    http = TestHttp.client(port);
  }

  static Map<String, Object> beilinStation() {
    return Map.of(
        "name", "碑林区光大银行爱心驿站",
        "kind", "CARE_STATION",
        "district", "碑林区",
        "address", "东大街 1 号",
        "latitude", 34.2596,
        "longitude", 108.9532,
        "capacity", 12,
        "manager", Map.of("name", "王丽", "phone", "029-87654321"));
  }

  @Test
  void a_registered_station_is_readable_and_announced_on_station_events() {
    var created = http.post().uri("/api/stations").contentType(MediaType.APPLICATION_JSON).bodyValue(beilinStation())
        .exchange()
        .expectStatus().isCreated()
        .expectHeader().valueMatches("Location", "/api/stations/[0-9a-f-]{36}")
        .expectHeader().valueEquals("ETag", "\"1\"")
        .expectBody(Map.class).returnResult().getResponseBody();
    String id = (String) created.get("id");

    http.get().uri("/api/stations/{id}", id).exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.name").isEqualTo("碑林区光大银行爱心驿站")
        .jsonPath("$.manager.name").isEqualTo("王丽");
    http.get().uri("/api/stations?district=碑林区").exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$[?(@.id == '" + id + "')]").exists();

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(kafka.recordsContaining(Topics.STATION_EVENTS, id)).hasSize(1));
    ConsumerRecord<String, byte[]> record = kafka.recordsContaining(Topics.STATION_EVENTS, id).get(0);
    assertThat(record.key()).isEqualTo(id);
    EventEnvelope<StationRegistered> event = EventJson.read(record.value(), StationRegistered.TYPE);
    assertThat(event.subject()).isEqualTo(id);
    assertThat(event.source()).isEqualTo("station-service");
    assertThat(event.data().kind()).isEqualTo(StationKind.CARE_STATION);
    assertThat(event.data().capacity()).isEqualTo(12);
    assertThat(event.data().manager().phone()).isEqualTo("029-87654321");
  }

  @Test
  void a_station_with_bad_fields_gets_a_problem_detail_naming_each_and_nothing_is_stored() {
    http.post().uri("/api/stations").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("name", "无名站", "kind", "KIOSK", "latitude", 0, "longitude", 0))
        .exchange()
        .expectStatus().isBadRequest()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status").isEqualTo(400)
        .jsonPath("$.title").isEqualTo("请求有误 (invalid request)")
        .jsonPath("$.errors[?(@.field == 'kind')]").exists()
        .jsonPath("$.errors[?(@.field == 'capacity')]").exists()
        .jsonPath("$.errors[?(@.field == 'latitude')]").exists()
        .jsonPath("$.errors[?(@.field == 'manager.name')]").exists();

    http.get().uri("/api/stations?limit=1000").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$[?(@.name == '无名站')]").doesNotExist();
  }

  @Test
  void unreadable_json_and_unknown_ids_get_problem_details_not_errors() {
    http.post().uri("/api/stations").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\": ")
        .exchange()
        .expectStatus().isBadRequest()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.title").isEqualTo("请求内容无法解析 (unreadable request)");
    http.get().uri("/api/stations/{id}", "0b7e2c1a-5d7f-4a55-9f51-3c2f7d1e9a99").exchange()
        .expectStatus().isNotFound()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    http.get().uri("/api/no-such-thing").exchange()
        .expectStatus().isNotFound()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.title").isEqualTo("未找到 (not found)");
    http.get().uri("/api/stations/{id}", "not-a-uuid").exchange()
        .expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("id");
  }

  @Test
  void readiness_reflects_the_database_and_kafka_and_metrics_are_exposed() {
    http.get().uri("/actuator/health/readiness").exchange()
        .expectStatus().isEqualTo(HttpStatus.OK)
        .expectBody()
        .jsonPath("$.status").isEqualTo("UP")
        .jsonPath("$.components.r2dbc.status").isEqualTo("UP")
        .jsonPath("$.components.kafka.status").isEqualTo("UP");
    http.get().uri("/actuator/prometheus").exchange()
        .expectStatus().isOk()
        .expectBody(String.class).value(body -> assertThat(body).contains("yizhan_outbox_published"));
    http.get().uri("/v3/api-docs").exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.paths['/api/stations']").exists();
  }
}
