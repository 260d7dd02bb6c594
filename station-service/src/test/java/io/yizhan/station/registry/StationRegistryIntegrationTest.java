package io.yizhan.station.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.EventJson;
import io.yizhan.contracts.Topics;
import io.yizhan.contracts.station.StationKind;
import io.yizhan.contracts.station.StationRegistered;
import io.yizhan.contracts.station.StationStatus;
import io.yizhan.contracts.station.StationStatusChanged;
import io.yizhan.testkit.EventContracts;
import io.yizhan.testkit.TestHttp;
import io.yizhan.testkit.TestTokens;
import io.yizhan.testkit.TopicProbe;
import io.yizhan.testkit.YizhanIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@YizhanIntegrationTest
public class StationRegistryIntegrationTest {

  @LocalServerPort int port;
  WebTestClient http;
  final TopicProbe kafka = TopicProbe.onTestBroker();

  @BeforeEach
  void client() {
    http = TestHttp.client(port, TestTokens.cityAdmin());
  }

  /** A complete, valid registration; other tests start from it. */
  public static Map<String, Object> beilinStation() {
    return Map.ofEntries(
        Map.entry("name", "碑林区光大银行爱心驿站"),
        Map.entry("kind", "CARE_STATION"),
        Map.entry("buildMode", "SOCIETY_ASSISTED"),
        Map.entry("partner", "中国光大银行西安分行"),
        Map.entry("district", "碑林区"),
        Map.entry("areaType", "MAIN_URBAN"),
        Map.entry("address", "东大街 1 号"),
        Map.entry("latitude", 34.2596),
        Map.entry("longitude", 108.9532),
        Map.entry("capacity", 12),
        Map.entry("hours", Map.of("alwaysOpen", true)),
        Map.entry("amenities", List.of("SIGN", "SEATING", "DRINKING_WATER")),
        Map.entry("manager", Map.of("name", "王丽", "phone", "029-87654321")),
        Map.entry("regionalHead", Map.of("name", "李强", "phone", "029-87650000")));
  }

  String registered() {
    return (String) http.post().uri("/api/stations").contentType(MediaType.APPLICATION_JSON).bodyValue(beilinStation())
        .exchange().expectStatus().isCreated()
        .expectBody(Map.class).returnResult().getResponseBody().get("id");
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
        .jsonPath("$.manager.name").isEqualTo("王丽")
        .jsonPath("$.regionalHead.name").isEqualTo("李强")
        .jsonPath("$.status").isEqualTo("ACTIVE")
        .jsonPath("$.openNow.open").isEqualTo(true)
        .jsonPath("$.baseStandard.name").isEqualTo("八有")
        .jsonPath("$.baseStandard.met").isEqualTo(false)
        .jsonPath("$.baseStandard.missing[0]").isEqualTo("冷暖设备");
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
    assertThat(event.data().partner()).isEqualTo("中国光大银行西安分行");
    assertThat(event.data().hours().alwaysOpen()).isTrue();
    assertThat(event.data().amenities()).containsExactly("SIGN", "SEATING", "DRINKING_WATER");
  }

  @Test
  void hours_change_only_against_the_version_read_and_are_announced() {
    String id = registered();
    Map<String, Object> lateShift = Map.of("alwaysOpen", false, "weekly",
        Map.of("FRIDAY", List.of(Map.of("opens", "18:00", "closes", "02:00"))));

    http.put().uri("/api/stations/{id}/hours", id).contentType(MediaType.APPLICATION_JSON).bodyValue(lateShift)
        .exchange().expectStatus().isEqualTo(HttpStatus.PRECONDITION_REQUIRED)
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    http.put().uri("/api/stations/{id}/hours", id).header("If-Match", "\"7\"").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(lateShift).exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);
    http.put().uri("/api/stations/{id}/hours", id).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("alwaysOpen", false, "weekly", Map.of("MONDAY",
            List.of(Map.of("opens", "09:00", "closes", "12:00"), Map.of("opens", "11:00", "closes", "13:00")))))
        .exchange().expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("hours.weekly.MONDAY");

    http.put().uri("/api/stations/{id}/hours", id).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(lateShift).exchange()
        .expectStatus().isOk()
        .expectHeader().valueEquals("ETag", "\"2\"")
        .expectBody().jsonPath("$.hours.weekly.FRIDAY[0].closes").isEqualTo("02:00");

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
        kafka.recordsContaining(Topics.STATION_EVENTS, id).stream()
            .map(r -> TopicProbe.header(r, "ce_type")).toList())
        .containsExactly("station.registered", "station.hours-changed"));
    kafka.recordsContaining(Topics.STATION_EVENTS, id).forEach(r -> EventContracts.assertConforms(r.value()));
  }

  @Test
  void details_are_edited_as_a_whole_against_the_version_read_and_announced() {
    String id = registered();
    Map<String, Object> edited = new java.util.HashMap<>(beilinStation());
    edited.remove("hours");
    edited.put("address", "东大街 3 号");
    edited.put("capacity", 16);
    edited.put("manager", Map.of("name", "赵静", "phone", "029-87654322"));
    edited.put("amenities", List.of("SIGN", "SEATING", "DRINKING_WATER", "MICROWAVE"));
    edited.put("by", "碑林区总工会 刘洋");

    http.put().uri("/api/stations/{id}", id).contentType(MediaType.APPLICATION_JSON).bodyValue(edited)
        .exchange().expectStatus().isEqualTo(HttpStatus.PRECONDITION_REQUIRED);
    http.put().uri("/api/stations/{id}", id).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("name", "", "by", "刘洋", "hours", Map.of("alwaysOpen", true)))
        .exchange().expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("hours");
    Map<String, Object> broken = new java.util.HashMap<>(edited);
    broken.put("capacity", 0);
    broken.put("amenities", List.of("JACUZZI"));
    broken.remove("by");
    http.put().uri("/api/stations/{id}", id).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(broken).exchange().expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[*].field").value(fields ->
            assertThat((List<Object>) fields).contains("by", "capacity", "amenities"));

    http.put().uri("/api/stations/{id}", id).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(edited).exchange()
        .expectStatus().isOk()
        .expectHeader().valueEquals("ETag", "\"2\"")
        .expectBody().jsonPath("$.address").isEqualTo("东大街 3 号")
        .jsonPath("$.manager.name").isEqualTo("赵静")
        .jsonPath("$.hours.alwaysOpen").isEqualTo(true)
        .jsonPath("$.status").isEqualTo("ACTIVE");
    // A second editor still holding version 1 is told, not silently overwritten.
    http.put().uri("/api/stations/{id}", id).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(edited).exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(kafka.recordsContaining(Topics.STATION_EVENTS, id)).hasSize(2));
    var update = EventJson.read(kafka.recordsContaining(Topics.STATION_EVENTS, id).get(1).value(),
        io.yizhan.contracts.station.StationUpdated.TYPE);
    assertThat(update.data().version()).isEqualTo(2);
    assertThat(update.data().capacity()).isEqualTo(16);
    assertThat(update.data().manager().name()).isEqualTo("赵静");
    assertThat(update.data().by()).isEqualTo("碑林区总工会 刘洋");
    kafka.recordsContaining(Topics.STATION_EVENTS, id).forEach(r -> EventContracts.assertConforms(r.value()));
  }

  @Test
  void a_station_is_suspended_with_a_reason_then_cannot_be_suspended_again() {
    String id = registered();

    http.post().uri("/api/stations/{id}/status", id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("action", "SUSPEND", "by", "区域站长 李强")).exchange()
        .expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
    http.post().uri("/api/stations/{id}/status", id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("action", "SUSPEND", "by", "区域站长 李强", "reason", "内部装修")).exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.status").isEqualTo("SUSPENDED").jsonPath("$.openNow.open").isEqualTo(false);
    http.post().uri("/api/stations/{id}/status", id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("action", "SUSPEND", "by", "区域站长 李强", "reason", "again")).exchange()
        .expectStatus().isEqualTo(HttpStatus.CONFLICT)
        .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("暂停中"));

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(kafka.recordsContaining(Topics.STATION_EVENTS, id)).hasSize(2));
    ConsumerRecord<String, byte[]> suspended = kafka.recordsContaining(Topics.STATION_EVENTS, id).get(1);
    StationStatusChanged change = EventJson.read(suspended.value(), StationStatusChanged.TYPE).data();
    assertThat(change.to()).isEqualTo(StationStatus.SUSPENDED);
    assertThat(change.reason()).isEqualTo("内部装修");
    assertThat(change.version()).isEqualTo(2);
  }

  @Test
  void the_amenity_catalogue_says_what_the_base_standards_are() {
    http.get().uri("/api/stations/amenities").exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$[?(@.baseForCareStation == true)].code").value(codes ->
            assertThat((List<Object>) codes).hasSize(8))
        .jsonPath("$[?(@.baseForServicePoint == true)].code").value(codes ->
            assertThat((List<Object>) codes).hasSize(6));
  }

  @Test
  void the_network_is_a_geojson_map_of_every_station_with_its_status_and_no_personal_data() {
    String id = registered();
    Map<String, Object> elsewhere = new java.util.HashMap<>(beilinStation());
    elsewhere.put("district", "临潼区");
    elsewhere.put("latitude", 34.3672);
    elsewhere.put("longitude", 109.2138);
    http.post().uri("/api/stations").contentType(MediaType.APPLICATION_JSON).bodyValue(elsewhere).exchange()
        .expectStatus().isCreated();
    http.post().uri("/api/stations/{id}/status", id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("action", "SUSPEND", "by", "区域站长 李强", "reason", "内部装修")).exchange()
        .expectStatus().isOk();

    http.get().uri("/api/stations/locations?district=碑林区").exchange()
        .expectStatus().isOk()
        .expectHeader().contentTypeCompatibleWith("application/geo+json")
        .expectBody()
        .jsonPath("$.type").isEqualTo("FeatureCollection")
        .jsonPath("$.truncated").isEqualTo(false)
        .jsonPath("$.features[*].properties.district").value(districts ->
            assertThat((List<Object>) districts).isNotEmpty().containsOnly("碑林区"))
        .jsonPath("$.features[?(@.id == '" + id + "')].geometry.coordinates[0]").isEqualTo(108.9532)
        .jsonPath("$.features[?(@.id == '" + id + "')].geometry.coordinates[1]").isEqualTo(34.2596)
        .jsonPath("$.features[?(@.id == '" + id + "')].properties.status").isEqualTo("SUSPENDED")
        .jsonPath("$.features[?(@.id == '" + id + "')].properties.capacity").isEqualTo(12)
        .jsonPath("$.features[?(@.id == '" + id + "')].properties.name").isEqualTo("碑林区光大银行爱心驿站");
    String everything = http.get().uri("/api/stations/locations").exchange()
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    assertThat(everything).contains("临潼区", id).doesNotContain("王丽", "029-87654321");
  }

  @Test
  void a_station_with_bad_fields_gets_a_problem_detail_naming_each_and_nothing_is_stored() {
    http.post().uri("/api/stations").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("name", "无名站", "kind", "KIOSK", "latitude", 0, "longitude", 0,
            "hours", Map.of("alwaysOpen", false, "weekly", Map.of("MONDAY", List.of(Map.of("opens", "9am", "closes", "5pm"))))))
        .exchange()
        .expectStatus().isBadRequest()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status").isEqualTo(400)
        .jsonPath("$.title").isEqualTo("请求有误 (invalid request)")
        .jsonPath("$.errors[?(@.field == 'kind')]").exists()
        .jsonPath("$.errors[?(@.field == 'capacity')]").exists()
        .jsonPath("$.errors[?(@.field == 'latitude')]").exists()
        .jsonPath("$.errors[?(@.field == 'manager.name')]").exists()
        .jsonPath("$.errors[?(@.field == 'hours.weekly.MONDAY')]").exists();

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

  /**
   * reactor/reactor-netty#4361: on a keep-alive connection, a request answered at once (a
   * malformed id) after ones answered from a database lookup went unanswered about one time in
   * twenty (AnsweredOffTheEventLoop). Without the fix, 300 rounds on new connections never all
   * passed.
   */
  @Test
  void a_request_answered_at_once_after_a_database_lookup_on_the_same_connection_is_answered() {
    String token = TestTokens.cityAdmin();
    for (int i = 0; i < 300; i++) {
      WebTestClient fresh = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
          .defaultHeader(HttpHeaders.AUTHORIZATION, token)
          .responseTimeout(Duration.ofSeconds(5)).build();
      fresh.get().uri("/api/stations/{id}", "0b7e2c1a-5d7f-4a55-9f51-3c2f7d1e9a99").exchange()
          .expectStatus().isNotFound();
      fresh.get().uri("/api/no-such-thing").exchange().expectStatus().isNotFound();
      fresh.get().uri("/api/stations/{id}", "not-a-uuid").exchange().expectStatus().isBadRequest();
    }
  }

  @Test
  void readiness_reflects_the_database_and_kafka_and_metrics_are_exposed_to_operations() {
    http.get().uri("/actuator/health/readiness").header("Authorization", TestTokens.ops()).exchange()
        .expectStatus().isEqualTo(HttpStatus.OK)
        .expectBody()
        .jsonPath("$.status").isEqualTo("UP")
        .jsonPath("$.components.r2dbc.status").isEqualTo("UP")
        .jsonPath("$.components.kafka.status").isEqualTo("UP");
    http.get().uri("/actuator/prometheus").header("Authorization", TestTokens.ops()).exchange()
        .expectStatus().isOk()
        .expectBody(String.class).value(body -> assertThat(body).contains("yizhan_outbox_published"));
    http.get().uri("/v3/api-docs").exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.paths['/api/stations']").exists();
  }
}
