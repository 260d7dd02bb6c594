package io.yizhan.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.yizhan.contracts.Topics;
import io.yizhan.testkit.EventContracts;
import io.yizhan.testkit.EventFixtures;
import io.yizhan.testkit.TestHttp;
import io.yizhan.testkit.TestTokens;
import io.yizhan.testkit.TopicProbe;
import io.yizhan.testkit.YizhanIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@YizhanIntegrationTest
class VisitBatchIntegrationTest {

  static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

  @LocalServerPort int port;
  @Autowired DatabaseClient db;
  final TopicProbe kafka = TopicProbe.onTestBroker();

  @Test
  void good_lines_are_recorded_once_beside_bad_ones_and_a_resend_only_finds_duplicates() {
    WebTestClient http = TestHttp.client(port, TestTokens.cityAdmin());
    String station = UUID.randomUUID().toString();
    kafka.send(Topics.STATION_EVENTS, station, EventFixtures.stationRegistered(station, "未央区批量驿站", "未央区"));
    String prefix = "beilin-" + UUID.randomUUID() + "-";
    String good1 = line(prefix + 1, station, "SANITATION", Instant.now().minusSeconds(3600).toString());
    String good2 = line(prefix + 2, station, "FOOD_DELIVERY", Instant.now().minusSeconds(60).toString());
    String body = String.join("\n",
        good1,
        "{this is not json",
        line(prefix + 3, UUID.randomUUID().toString(), "COURIER", Instant.now().toString()),     // unknown station
        line(prefix + 4, station, "ASTRONAUT", Instant.now().plus(Duration.ofDays(2)).toString()), // two bad fields
        "",
        good2,
        good1,                                                                                  // repeated in the batch
        "{\"stationId\": \"" + station + "\", \"workerType\": \"TAXI\"}")                     // no visitId
        + "\n";

    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
      Map<String, Object> report = post(http, body);
      // Seven lines: the empty one is not a line of data.
      assertThat(report).containsEntry("lines", 7).containsEntry("accepted", 2).containsEntry("duplicates", 1)
          .containsEntry("rejected", 4);
    });
    Map<String, Object> resend = post(http, body);
    assertThat(resend).containsEntry("accepted", 0).containsEntry("duplicates", 3).containsEntry("rejected", 4);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> problems = (List<Map<String, Object>>) resend.get("problems");
    assertThat(problems).extracting(p -> p.get("line")).containsExactly(2, 3, 4, 8);
    assertThat(problems.get(2).toString()).contains("workerType", "visitedAt");

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(kafka.recordsContaining(Topics.VISIT_EVENTS, prefix)).hasSize(2));
    kafka.recordsContaining(Topics.VISIT_EVENTS, prefix).forEach(r -> EventContracts.assertConforms(r.value()));
  }

  @Test
  void a_full_batch_is_taken_and_one_line_more_is_refused_whole() {
    WebTestClient http = TestHttp.client(port, TestTokens.cityAdmin());
    String station = UUID.randomUUID().toString();
    kafka.send(Topics.STATION_EVENTS, station, EventFixtures.stationRegistered(station, "雁塔区批量驿站", "雁塔区"));
    String prefix = "yanta-" + UUID.randomUUID() + "-";
    String full = IntStream.range(0, 10_000)
        .mapToObj(i -> line(prefix + i, station, "COURIER", Instant.now().minusSeconds(i).toString()))
        .collect(Collectors.joining("\n"));

    http.post().uri("/api/visits/batch").contentType(NDJSON).bodyValue(full + "\n" + line(prefix + "x", station,
            "COURIER", Instant.now().toString()))
        .exchange().expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
        .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("10000"));
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
        assertThat(post(http, full)).containsEntry("accepted", 10_000).containsEntry("rejected", 0));
    http.post().uri("/api/visits/batch").contentType(NDJSON).bodyValue("\n\n").exchange()
        .expectStatus().isBadRequest();
  }

  @Test
  void visit_ids_and_worker_tokens_keep_every_character_they_were_sent_with() {
    WebTestClient http = TestHttp.client(port, TestTokens.cityAdmin());
    String station = UUID.randomUUID().toString();
    kafka.send(Topics.STATION_EVENTS, station, EventFixtures.stationRegistered(station, "莲湖区批量驿站", "莲湖区"));
    String unique = UUID.randomUUID().toString();
    // What PostgreSQL's array syntax gives a meaning to: quotes, backslashes, commas, braces, spaces, NULL.
    List<String> ids = List.of("q\"uote-" + unique, "back\\slash-" + unique, "a,b-" + unique, "{brace}-" + unique,
        " spaced " + unique, "NULL", "莲湖-" + unique);
    String body = ids.stream()
        .map(id -> "{\"visitId\":" + json(id) + ",\"stationId\":\"" + station + "\",\"workerType\":\"COURIER\","
            + "\"workerToken\":" + json("tok\"en,{" + id) + "}")
        .collect(Collectors.joining("\n"));

    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
        assertThat(post(http, body)).containsEntry("accepted", ids.size()).containsEntry("rejected", 0));
    assertThat(post(http, body)).containsEntry("accepted", 0).containsEntry("duplicates", ids.size());
    for (String id : ids) {
      http.get().uri(b -> b.path("/api/visits/{id}").build(id.strip())).exchange()
          .expectStatus().isOk()
          .expectBody()
          .jsonPath("$.visitId").isEqualTo(id.strip());
      // Tokens are never shown over HTTP: read the row.
      assertThat(db.sql("SELECT worker_token FROM visits WHERE id = :id").bind("id", id.strip())
          .map(row -> row.get("worker_token", String.class)).one().block())
          .isEqualTo(("tok\"en,{" + id).strip());
    }
  }

  static String json(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static String line(String visitId, String station, String workerType, String visitedAt) {
    return "{\"visitId\":\"" + visitId + "\",\"stationId\":\"" + station + "\",\"workerType\":\"" + workerType
        + "\",\"visitedAt\":\"" + visitedAt + "\",\"services\":[\"WATER\",\"REST\"]}";
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> post(WebTestClient http, String body) {
    return http.post().uri("/api/visits/batch").contentType(NDJSON).bodyValue(body)
        .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
  }
}
