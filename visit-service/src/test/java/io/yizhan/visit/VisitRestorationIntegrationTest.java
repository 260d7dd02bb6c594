package io.yizhan.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.yizhan.contracts.Topics;
import io.yizhan.support.kafka.GroupOffsets;
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
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A database restored from a backup has lost the visits accepted since; visit.events.v1 has them
 * all (ADR 13), and a restoration puts back each one the table lacks.
 */
@YizhanIntegrationTest
class VisitRestorationIntegrationTest {

  static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

  @LocalServerPort int port;
  @Autowired DatabaseClient db;
  @Autowired Admin admin;
  final TopicProbe kafka = TopicProbe.onTestBroker();

  @Test
  void after_a_restore_from_a_backup_every_visit_accepted_since_is_put_back_from_the_log() {
    WebTestClient http = TestHttp.client(port, TestTokens.cityAdmin());
    String station = AnnouncedStations.registered(http, kafka, "恢复站",
        "恢复区" + UUID.randomUUID().toString().substring(0, 6));
    String tag = UUID.randomUUID().toString().substring(0, 8);
    List<String> before = ids("before-" + tag, 30);
    List<String> after = ids("after-" + tag, 40);

    post(http, station, before);
    Instant backup = Instant.now();
    post(http, station, after);
    // The restorer has read them all once already (it found nothing missing).
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> assertThat(lagOfRestorer()).isZero());

    // The database comes back from the backup: the visits accepted since are gone from the table,
    // and nothing puts them back by itself, as the restorer has read past them.
    db.sql("DELETE FROM visits WHERE id LIKE :after").bind("after", "after-" + tag + "%").then().block();
    http.get().uri("/api/visits/{id}", after.get(0)).exchange().expectStatus().isNotFound();

    Map<?, ?> started = http.post().uri("/api/visits/restorations").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("since", backup.minusSeconds(60).toString()))
        .exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
    assertThat(((Map<?, ?>) started.get("restoration")).get("requestedBy")).isEqualTo("市总工会 演示用户");
    assertThat(((Number) ((Map<?, ?>) started.get("restoration")).get("toRead")).longValue())
        .as("the log from a minute before the backup to its end").isGreaterThanOrEqualTo(after.size());

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      Map<?, ?> latest = http.get().uri("/api/visits/restorations/latest").exchange().expectStatus().isOk()
          .expectBody(Map.class).returnResult().getResponseBody();
      assertThat(latest.get("done")).isEqualTo(true);
      assertThat(((Number) ((Map<?, ?>) latest.get("restoration")).get("restored")).longValue())
          .isGreaterThanOrEqualTo(after.size());
      assertThat((String) latest.get("message")).startsWith("补回完成").contains("POST /api/utilization/rebuilds");
    });
    assertThat(db.sql("SELECT count(*) AS n FROM visits WHERE id LIKE :tag").bind("tag", "%-" + tag + "-%")
        .map(row -> row.get("n", Long.class)).one().block()).isEqualTo((long) before.size() + after.size());
    http.get().uri("/api/visits/{id}", after.get(39)).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.stationId").isEqualTo(station);

    // Bad requests say what to send; only the city may start one.
    http.post().uri("/api/visits/restorations").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of())
        .exchange().expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("since");
    http.post().uri("/api/visits/restorations").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("since", Instant.now().plusSeconds(3600).toString()))
        .exchange().expectStatus().isBadRequest();
    TestHttp.client(port, TestTokens.stationManager(station)).post().uri("/api/visits/restorations")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("since", backup.toString()))
        .exchange().expectStatus().isForbidden();
  }

  static List<String> ids(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
  }

  static void post(WebTestClient http, String station, List<String> ids) {
    String body = ids.stream().map(id -> "{\"visitId\":\"" + id + "\",\"stationId\":\"" + station
            + "\",\"workerType\":\"COURIER\",\"visitedAt\":\"" + Instant.now().minusSeconds(600)
            + "\",\"services\":[\"WATER\"]}")
        .collect(Collectors.joining("\n", "", "\n"));
    http.post().uri("/api/visits/batch").contentType(NDJSON).bodyValue(body).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.accepted").isEqualTo(ids.size());
  }

  /** Records of visit.events.v1 the restoring consumer has not committed yet. */
  long lagOfRestorer() throws Exception {
    GroupOffsets offsets = new GroupOffsets(admin, Duration.ofSeconds(10));
    List<TopicPartition> partitions = offsets.partitions(Topics.VISIT_EVENTS);
    Map<TopicPartition, Long> end = offsets.offsets(partitions, OffsetSpec.latest());
    Map<Integer, Long> committed = offsets.committed("visit-service-visits", Topics.VISIT_EVENTS);
    return partitions.stream().mapToLong(p -> end.get(p) - committed.getOrDefault(p.partition(), 0L)).sum();
  }
}
