package io.yizhan.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.EventJson;
import io.yizhan.contracts.Topics;
import io.yizhan.contracts.station.AreaType;
import io.yizhan.contracts.station.BuildMode;
import io.yizhan.contracts.station.Contact;
import io.yizhan.contracts.station.Hours;
import io.yizhan.contracts.station.StationKind;
import io.yizhan.contracts.station.StationRegistered;
import io.yizhan.contracts.station.StationStatus;
import io.yizhan.contracts.station.StationStatusChanged;
import io.yizhan.contracts.visit.VisitRecorded;
import io.yizhan.contracts.visit.ServiceUsed;
import io.yizhan.contracts.visit.VisitChannel;
import io.yizhan.contracts.visit.VisitReported;
import io.yizhan.contracts.visit.WorkerType;
import io.yizhan.support.kafka.DeadLetters;
import io.yizhan.testkit.EventContracts;
import io.yizhan.testkit.TestHttp;
import io.yizhan.testkit.TestTokens;
import io.yizhan.testkit.TopicProbe;
import io.yizhan.testkit.YizhanIntegrationTest;
import io.yizhan.visit.checkin.CheckInResult;
import io.yizhan.visit.checkin.Visit;
import io.yizhan.visit.checkin.Visits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@YizhanIntegrationTest
class VisitFlowIntegrationTest {

  @LocalServerPort int port;
  WebTestClient http;
  final TopicProbe kafka = TopicProbe.onTestBroker();

  @BeforeEach
  void client() {
    http = TestHttp.client(port, TestTokens.cityAdmin());
  }

  /** Announces a station the way station-service does, and waits until check-ins accept it. */
  String registeredStation() {
    return AnnouncedStations.registered(http, kafka, "莲湖区桃园路爱心驿站", "莲湖区");
  }

  long visitsToday(String stationId) {
    Map<?, ?> body = http.get().uri("/api/utilization/stations/{id}", stationId).exchange()
        .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    return ((Number) body.get("visits")).longValue();
  }

  @Test
  void a_check_in_at_a_suspended_station_is_kept_as_demand_outside_hours() {
    String id = UUID.randomUUID().toString();
    var registered = new StationRegistered(id, "莲湖区全天爱心驿站", StationKind.CARE_STATION, "莲湖区", "桃园路 8 号",
        34.27, 108.90, 8, new Contact("王丽", "029-87654321"), null, null, BuildMode.UNION_BUILT, null,
        AreaType.MAIN_URBAN, StationStatus.ACTIVE, new Hours(true, Map.of(), List.of()), List.of());
    kafka.send(Topics.STATION_EVENTS, id, EventJson.write(EventEnvelope.of(StationRegistered.TYPE, "station-service",
        id, java.time.Instant.now(), registered)));
    Map<String, Object> checkIn = Map.of("stationId", id, "workerType", "RIDE_HAILING", "services", List.of("TOILET"));
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
        http.post().uri("/api/visits").contentType(MediaType.APPLICATION_JSON).bodyValue(checkIn).exchange()
            .expectStatus().isCreated().expectBody().jsonPath("$.stationOpen").isEqualTo(true));

    kafka.send(Topics.STATION_EVENTS, id, EventJson.write(EventEnvelope.of(StationStatusChanged.TYPE,
        "station-service", id, java.time.Instant.now(),
        new StationStatusChanged(id, 2, StationStatus.ACTIVE, StationStatus.SUSPENDED, "区域站长 李强", "内部装修"))));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        http.post().uri("/api/visits").contentType(MediaType.APPLICATION_JSON).bodyValue(checkIn).exchange()
            .expectStatus().isCreated()
            .expectBody().jsonPath("$.stationOpen").isEqualTo(false)
            .jsonPath("$.note").value(note -> assertThat((String) note).contains("开放时间外")));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
        kafka.recordsContaining(Topics.VISIT_EVENTS, id).stream()
            .map(r -> EventJson.read(r.value(), VisitRecorded.TYPE).data().stationOpen()).toList())
        .contains(true, false));
  }

  /**
   * Check-ins use copies of their stations kept in memory. A change saved by another instance
   * (here: written straight to the replica, so this instance does not forget its copy) must
   * still reach check-ins here within station-max-age (5 s), however often the station is used.
   */
  @Test
  void a_change_another_instance_saved_reaches_check_ins_here_within_the_max_age() {
    String id = registeredStation();
    Map<String, Object> checkIn = Map.of("stationId", id, "workerType", "SANITATION", "services", List.of("REST"));
    http.post().uri("/api/visits").contentType(MediaType.APPLICATION_JSON).bodyValue(checkIn).exchange()
        .expectStatus().isCreated().expectBody().jsonPath("$.stationOpen").doesNotExist(); // hours unknown

    db.sql("UPDATE known_stations SET status = 'SUSPENDED', changed_at = clock_timestamp() WHERE id = :id")
        .bind("id", UUID.fromString(id)).fetch().rowsUpdated().block();

    await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
        http.post().uri("/api/visits").contentType(MediaType.APPLICATION_JSON).bodyValue(checkIn).exchange()
            .expectStatus().isCreated().expectBody().jsonPath("$.stationOpen").isEqualTo(false));
  }

  @Test
  void a_check_in_is_recorded_once_whatever_the_retries_and_counted_once() {
    String station = registeredStation();
    Map<String, Object> checkIn = Map.of("stationId", station, "workerType", "FOOD_DELIVERY",
        "services", List.of("WATER", "CHARGING"));
    String key = UUID.randomUUID().toString();

    http.post().uri("/api/visits").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(checkIn).exchange()
        .expectStatus().isCreated()
        .expectBody().jsonPath("$.visitId").isEqualTo(key).jsonPath("$.duplicate").isEqualTo(false);
    http.post().uri("/api/visits").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(checkIn).exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.duplicate").isEqualTo(true);
    http.get().uri("/api/visits/{id}", key).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.workerType").isEqualTo("FOOD_DELIVERY");

    await().atMost(Duration.ofSeconds(30)).until(() -> visitsToday(station) == 1);
    assertThat(kafka.recordsContaining(Topics.VISIT_EVENTS, key)).hasSize(1);
  }

  @Autowired Visits visits;

  /** A courier's QR check-in now, for water, as check-ins reach the visit store. */
  static Visit courierAt(String station, String visitId) {
    return new Visit(visitId, UUID.fromString(station), Instant.now(), WorkerType.COURIER,
        List.of(ServiceUsed.WATER), VisitChannel.QR_CHECK_IN, null, true);
  }

  @Test
  void a_caller_that_stops_waiting_never_leaves_a_visit_stored_but_unannounced() {
    String station = registeredStation();
    String prefix = "impatient-" + UUID.randomUUID() + "-";
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String id = prefix + i + "-";
      ids.add(id);
      // Give up after 0-19 ms: before, during or after the insert and the send to Kafka.
      visits.record(courierAt(station, id)).timeout(Duration.ofMillis(i % 20)).onErrorResume(e -> Mono.empty())
          .block(Duration.ofSeconds(30));
    }
    // And 40 at once, which are stored in groups (group commit) that their callers leave.
    List<Visit> together = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String id = prefix + "together-" + i + "-";
      ids.add(id);
      together.add(courierAt(station, id));
    }
    Flux.range(0, together.size())
        .flatMap(i -> visits.record(together.get(i)).timeout(Duration.ofMillis(i % 20)).onErrorResume(e -> Mono.empty()),
            together.size())
        .blockLast(Duration.ofSeconds(30));
    // Each visit ends stored and in the log, or in neither: never in one only.
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      String log = kafka.recordsContaining(Topics.VISIT_EVENTS, prefix).stream()
          .map(r -> new String(r.value(), StandardCharsets.UTF_8)).reduce("", String::concat);
      for (String id : ids) {
        boolean stored = visits.find(id).blockOptional().isPresent();
        boolean logged = log.contains("\"" + id + "\"");
        assertThat(stored).as("visit %s stored %s, logged %s", id, stored, logged).isEqualTo(logged);
      }
    });
  }

  @Autowired MeterRegistry meters;

  @Test
  void check_ins_arriving_together_share_a_transaction_and_each_is_answered_as_if_alone() {
    String station = registeredStation();
    String prefix = "together-" + UUID.randomUUID() + "-";
    List<Visit> sent = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      // Every fifth is a retry of the visit before it: the same id, sent at the same moment.
      String id = prefix + (i % 5 == 4 ? i - 1 : i) + "-";
      sent.add(courierAt(station, id));
    }
    List<CheckInResult> answers = Flux.fromIterable(sent)
        .flatMap(visits::record, sent.size())
        .collectList()
        .block(Duration.ofSeconds(60));

    assertThat(answers).hasSize(200);
    Map<String, List<Boolean>> duplicateFlags = new HashMap<>();
    answers.forEach(a -> duplicateFlags.computeIfAbsent(a.visit().id(), k -> new ArrayList<>()).add(a.duplicate()));
    assertThat(duplicateFlags).hasSize(160);
    duplicateFlags.forEach((id, flags) -> assertThat(flags).as(id).containsOnlyOnce(false));
    assertThat(meters.get("yizhan.visits.check-in.group").summary().max())
        .as("largest group of check-ins stored in one transaction").isGreaterThan(1);
    for (String stage : List.of("insert", "log", "commit")) {
      assertThat(meters.get("yizhan.visits.check-in.group.stage").tag("stage", stage).timer().count())
          .as("groups timed at their %s", stage).isPositive();
    }
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      List<String> logged = kafka.recordsContaining(Topics.VISIT_EVENTS, prefix).stream()
          .map(r -> EventJson.read(r.value(), VisitRecorded.TYPE).data().visitId()).toList();
      assertThat(logged).hasSize(160).doesNotHaveDuplicates();
    });
  }

  @Autowired DatabaseClient db;

  @Test
  void check_ins_recover_when_the_database_closed_every_connection() {
    String station = registeredStation();
    // Many check-ins at once, so the pool holds several connections when the database drops them.
    Flux.range(0, 40).flatMap(i -> visits.record(courierAt(station, "pooled-" + UUID.randomUUID())), 40)
        .blockLast(Duration.ofSeconds(60));

    // What a restart of PostgreSQL does to every open connection: closes it from the server's side.
    List<Integer> closed = db.sql("""
            WITH others AS MATERIALIZED (SELECT pid FROM pg_stat_activity
                                         WHERE datname = current_database() AND pid <> pg_backend_pid())
            SELECT pid FROM others WHERE pg_terminate_backend(pid)""")
        .map(row -> row.get("pid", Integer.class)).all().collectList().block(Duration.ofSeconds(10));
    assertThat(closed).isNotEmpty();
    // This test's own queries draw from the same pool and may meet a closed connection too.
    await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> db.sql(
            "SELECT count(*) AS n FROM pg_stat_activity WHERE pid = ANY(:pids)")
        .bind("pids", closed.toArray(Integer[]::new)).map(row -> row.get("n", Long.class)).one().block() == 0);

    // The pool weeds the dead connections out (its validation query fails on them); a check-in
    // that drew dead ones past its one retry is told 503, to try again, never 500. Then all succeed.
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      statuses.add(http.post().uri("/api/visits").contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("stationId", station, "workerType", "COURIER")).exchange()
          .returnResult(String.class).getStatus().value());
    }
    assertThat(statuses).as("answers after the database closed every connection").isSubsetOf(201, 503);
    assertThat(statuses.subList(30, 40)).as("the last ten, once the pool has recovered").containsOnly(201);
  }

  @Test
  void a_redelivered_visit_event_is_counted_once() {
    String station = registeredStation();
    http.post().uri("/api/visits").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("stationId", station, "workerType", "SANITATION")).exchange()
        .expectStatus().isCreated();
    await().atMost(Duration.ofSeconds(30)).until(() -> visitsToday(station) == 1);

    ConsumerRecord<String, byte[]> published = kafka.recordsContaining(Topics.VISIT_EVENTS, station).get(0);
    EventContracts.assertConforms(published.value());
    kafka.send(Topics.VISIT_EVENTS, published.key(), published.value());
    String marker = UUID.randomUUID().toString();
    http.post().uri("/api/visits").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("visitId", marker, "stationId", station, "workerType", "TAXI_DRIVER")).exchange()
        .expectStatus().isCreated();

    // The later visit is counted, so the redelivery before it on the same partition was seen too.
    await().atMost(Duration.ofSeconds(30)).until(() -> visitsToday(station) == 2);
  }

  @Test
  void a_check_in_for_an_unknown_station_is_refused_with_a_problem_detail() {
    http.post().uri("/api/visits").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("stationId", UUID.randomUUID().toString(), "workerType", "COURIER"))
        .exchange()
        .expectStatus().isBadRequest()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("stationId");
  }

  @Test
  void malformed_and_unknown_station_district_visits_are_dead_lettered_and_the_next_good_one_counts() {
    String station = registeredStation();
    String garbage = "{\"eventType\": \"visit.reported\", broken " + UUID.randomUUID();
    kafka.send(Topics.VISIT_INBOUND, station, garbage.getBytes(StandardCharsets.UTF_8));
    String unknownStation = UUID.randomUUID().toString();
    kafka.send(Topics.VISIT_INBOUND, station, reported("feed-" + UUID.randomUUID(), unknownStation));
    String good = "feed-" + UUID.randomUUID();
    kafka.send(Topics.VISIT_INBOUND, station, reported(good, station));

    String dlq = Topics.deadLetter(Topics.VISIT_INBOUND);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(kafka.recordsContaining(dlq, garbage)).hasSize(1);
      assertThat(kafka.recordsContaining(dlq, unknownStation)).hasSize(1);
    });
    assertThat(TopicProbe.header(kafka.recordsContaining(dlq, garbage).get(0), DeadLetters.EXCEPTION_MESSAGE))
        .startsWith("not JSON");
    assertThat(TopicProbe.header(kafka.recordsContaining(dlq, unknownStation).get(0), DeadLetters.EXCEPTION_MESSAGE))
        .startsWith("stationId: 未找到编号为 " + unknownStation);

    await().atMost(Duration.ofSeconds(30)).until(() -> visitsToday(station) == 1);
    http.get().uri("/api/visits/{id}", good).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.channel").isEqualTo("DISTRICT_FEED");
  }

  @Test
  void a_district_reads_what_of_its_feed_was_refused_and_why_and_no_other_districts() {
    String station = registeredStation();   // in 莲湖区
    String future = "feed-future-" + UUID.randomUUID();
    kafka.send(Topics.VISIT_INBOUND, station, reported(future, station, Instant.now().plus(Duration.ofHours(2))));
    String unknownStation = UUID.randomUUID().toString();
    String nowhere = "feed-nowhere-" + UUID.randomUUID();
    kafka.send(Topics.VISIT_INBOUND, unknownStation, reported(nowhere, unknownStation));

    WebTestClient lianhuSystem = TestHttp.client(port, TestTokens.districtSystem("莲湖区"));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        lianhuSystem.get().uri("/api/visits/feed-rejections").exchange().expectStatus().isOk().expectBody()
            .jsonPath("$.district").isEqualTo("莲湖区")
            .jsonPath("$.rejections[?(@.visitId == '" + future + "')].reason").value(reasons ->
                assertThat((List<?>) reasons).singleElement().asString().startsWith("visitedAt: 签到时间晚于当前时间"))
            // A station nobody knows belongs to no district: the city reads it, not 莲湖区.
            .jsonPath("$.rejections[?(@.visitId == '" + nowhere + "')]").isEmpty());
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        http.get().uri("/api/visits/feed-rejections").exchange().expectStatus().isOk().expectBody()
            .jsonPath("$.rejections[?(@.visitId == '" + nowhere + "')].reason").value(reasons ->
                assertThat((List<?>) reasons).singleElement().asString().startsWith("stationId: 未找到编号为")));
    TestHttp.client(port, TestTokens.districtAdmin("碑林区")).get()
        .uri(b -> b.path("/api/visits/feed-rejections").queryParam("district", "莲湖区").build()).exchange()
        .expectStatus().isForbidden()
        .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("只能查看本区县（碑林区）"));
    TestHttp.client(port, TestTokens.stationManager(station)).get().uri("/api/visits/feed-rejections").exchange()
        .expectStatus().isForbidden();
  }

  @Test
  void a_district_also_reads_the_records_that_do_not_fit_the_schema_and_those_that_cannot_be_read() {
    String station = registeredStation();   // in 莲湖区
    String unknownType = "feed-type-" + UUID.randomUUID();
    kafka.send(Topics.VISIT_INBOUND, station, new String(reported(unknownType, station), StandardCharsets.UTF_8)
        .replace("\"SANITATION\"", "\"DELIVERY\"").getBytes(StandardCharsets.UTF_8));
    String untimed = "feed-untimed-" + UUID.randomUUID();
    kafka.send(Topics.VISIT_INBOUND, station, new String(reported(untimed, station), StandardCharsets.UTF_8)
        .replaceFirst("\"visitedAt\":\"[^\"]*\",", "").getBytes(StandardCharsets.UTF_8));
    String garbage = "{\"eventType\": \"visit.reported\", broken " + UUID.randomUUID();
    kafka.send(Topics.VISIT_INBOUND, station, garbage.getBytes(StandardCharsets.UTF_8));

    WebTestClient lianhuSystem = TestHttp.client(port, TestTokens.districtSystem("莲湖区"));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        lianhuSystem.get().uri("/api/visits/feed-rejections").exchange().expectStatus().isOk().expectBody()
            // The words an HTTP caller reads for the same mistake.
            .jsonPath("$.rejections[?(@.visitId == '" + unknownType + "')].reason").value(reasons ->
                assertThat((List<?>) reasons).singleElement().asString().startsWith("workerType: ").contains("DELIVERY"))
            .jsonPath("$.rejections[?(@.visitId == '" + untimed + "')].reason").value(reasons ->
                assertThat((List<?>) reasons).singleElement().asString().startsWith("visitedAt: 区县上报的到访须带到访时间"))
            // Not JSON: no visit id to show, but the record's key names the station, hence the district.
            .jsonPath("$.rejections[?(@.stationId == '" + station + "' && @.reason =~ /not JSON.*/)]").value(found ->
                assertThat((List<?>) found).hasSize(1)));

    // Still in the DLQ as before, and the visits were not recorded.
    String dlq = Topics.deadLetter(Topics.VISIT_INBOUND);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(kafka.recordsContaining(dlq, unknownType)).hasSize(1);
      assertThat(kafka.recordsContaining(dlq, untimed)).hasSize(1);
      assertThat(kafka.recordsContaining(dlq, garbage)).hasSize(1);
    });
    http.get().uri("/api/visits/{id}", unknownType).exchange().expectStatus().isNotFound();
  }

  static byte[] reported(String visitId, String stationId) {
    return reported(visitId, stationId, Instant.now().minusSeconds(60));
  }

  static byte[] reported(String visitId, String stationId, Instant visitedAt) {
    return EventJson.write(EventEnvelope.of(VisitReported.TYPE, "district-system:莲湖区", stationId, Instant.now(),
        new VisitReported(visitId, stationId, visitedAt, WorkerType.SANITATION, List.of(ServiceUsed.TOILET), null)));
  }
}
