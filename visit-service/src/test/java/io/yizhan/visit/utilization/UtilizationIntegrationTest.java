package io.yizhan.visit.utilization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.EventJson;
import io.yizhan.contracts.Topics;
import io.yizhan.contracts.station.Hours;
import io.yizhan.contracts.station.StationHoursChanged;
import io.yizhan.contracts.utilization.StandingChanged;
import io.yizhan.contracts.visit.ServiceUsed;
import io.yizhan.contracts.visit.VisitChannel;
import io.yizhan.contracts.visit.VisitRecorded;
import io.yizhan.contracts.visit.WorkerType;
import io.yizhan.support.kafka.CloudEventRecords;
import io.yizhan.support.kafka.DeadLetters;
import io.yizhan.testkit.EventContracts;
import io.yizhan.testkit.EventFixtures;
import io.yizhan.testkit.TestHttp;
import io.yizhan.testkit.TestTokens;
import io.yizhan.testkit.TopicProbe;
import io.yizhan.testkit.YizhanIntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.yizhan.support.inbox.InboxProperties;
import io.yizhan.support.retention.OldRows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Utilization is derived from visit.events.v1: every accepted visit counted exactly once whatever
 * fails, the figures planners read, and a rebuild that gives the same result.
 */
@YizhanIntegrationTest
// Its stations are listed today and visited yesterday: one day in use, where the product waits for
// a week before judging a station (BusyIdleTest and PublishingStandingsTest hold that rule).
@TestPropertySource(properties = "yizhan.utilization.rules.min-days-judged=1")
class UtilizationIntegrationTest {

  static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
  static final LocalDate YESTERDAY = CityTime.dayOf(Instant.now()).minusDays(1);

  @LocalServerPort int port;
  @Autowired DatabaseClient db;
  @Autowired Admin admin;
  @Autowired Rebuilds rebuilds;
  @Autowired PublishingStandings publishingStandings;
  final TopicProbe kafka = TopicProbe.onTestBroker();
  WebTestClient http;

  @BeforeEach
  void client() {
    http = TestHttp.client(port, TestTokens.cityAdmin());
  }

  @Test
  void every_accepted_visit_is_counted_exactly_once_through_duplicates_failures_redelivery_and_rebuild() {
    String district = "测试区" + UUID.randomUUID().toString().substring(0, 8);
    String a = station("甲站", district);
    String b = station("乙站", district);
    Map<String, Long> expected = new TreeMap<>();   // "station@hour" -> visits

    // 1. A batch of visits across yesterday's hours, then the same batch again: duplicates, not visits.
    //    Enough of them that a poll read again (step 5) and the rebuild count several slices at once.
    int first = 2_400;
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < first; i++) {
      String station = i % 3 == 0 ? b : a;
      LocalDateTime at = YESTERDAY.atTime(6 + i % 17, (i * 7) % 60);
      lines.add(line("exact-" + UUID.randomUUID(), station, i % 2 == 0 ? "FOOD_DELIVERY" : "SANITATION", at));
      expected.merge(station + "@" + at.withMinute(0), 1L, Long::sum);
    }
    String batch = String.join("\n", lines);
    assertThat(postBatch(batch)).containsEntry("accepted", first);
    assertThat(postBatch(batch)).containsEntry("accepted", 0).containsEntry("duplicates", first);

    // 2. A single check-in retried with the same Idempotency-Key.
    String key = UUID.randomUUID().toString();
    Map<String, Object> single = Map.of("stationId", a, "workerType", "COURIER", "services", List.of("WATER"),
        "visitedAt", at(YESTERDAY.atTime(22, 5)));
    for (int attempt = 0; attempt < 3; attempt++) {
      http.post().uri("/api/visits").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
          .bodyValue(single).exchange().expectStatus().is2xxSuccessful();
    }
    expected.merge(a + "@" + YESTERDAY.atTime(22, 0), 1L, Long::sum);
    awaitBalanced(district, first + 1);

    // 3. The counting transaction fails mid-batch (here: the table refuses every change) and is
    //    retried until it goes through; nothing of the failed attempts remains.
    db.sql("ALTER TABLE utilization_hours ADD CONSTRAINT refuse_for_test CHECK (visits < 0) NOT VALID").then().block();
    List<String> more = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      LocalDateTime at = YESTERDAY.atTime(12, i);
      more.add(line("exact-late-" + UUID.randomUUID(), a, "RIDE_HAILING", at));
      expected.merge(a + "@" + at.withMinute(0), 1L, Long::sum);
    }
    assertThat(postBatch(String.join("\n", more))).containsEntry("accepted", 50);
    await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(reconciliation(district)).containsEntry("balanced", false));
    db.sql("ALTER TABLE utilization_hours DROP CONSTRAINT refuse_for_test").then().block();
    awaitBalanced(district, first + 51);

    // 4. Some visits reached Kafka twice (a check-in retried after Kafka had acknowledged it but
    //    before its transaction committed): copies of already counted records arrive again.
    List<ConsumerRecord<String, byte[]>> published = kafka.recordsContaining(Topics.VISIT_EVENTS, a);
    published.forEach(r -> EventContracts.assertConforms(r.value()));
    //    Half of the copies with the CloudEvents headers the service writes, half without.
    published.stream().limit(20).forEach(r -> kafka.send(Topics.VISIT_EVENTS, r.key(), r.value()));
    published.stream().skip(20).limit(20).forEach(r ->
        kafka.send(new ProducerRecord<>(Topics.VISIT_EVENTS, null, r.key(), r.value(), r.headers())));

    //    And two visits are in Kafka only: the service died after the acknowledgement and before
    //    the commit. The log is the truth: they are counted, and their rows are restored. One as
    //    the service writes it (headers), one bare.
    String orphan = "exact-orphan-" + UUID.randomUUID();
    Instant orphanAt = YESTERDAY.atTime(20, 10).atZone(CityTime.ZONE).toInstant();
    kafka.send(Topics.VISIT_EVENTS, a, EventJson.write(new EventEnvelope<>(UUID.randomUUID(), VisitRecorded.TYPE.name(),
        VisitRecorded.TYPE.version(), Instant.now(), "visit-service", a, new VisitRecorded(orphan, a, orphanAt,
            WorkerType.COURIER, List.of(ServiceUsed.CHARGING), VisitChannel.QR_CHECK_IN, null, true))));
    expected.merge(a + "@" + YESTERDAY.atTime(20, 0), 1L, Long::sum);
    String headedOrphan = "exact-orphan-headed-" + UUID.randomUUID();
    EventEnvelope<VisitRecorded> headed = new EventEnvelope<>(UUID.randomUUID(), VisitRecorded.TYPE.name(),
        VisitRecorded.TYPE.version(), Instant.now(), "visit-service", a, new VisitRecorded(headedOrphan, a,
            orphanAt.plusSeconds(60), WorkerType.SANITATION, List.of(ServiceUsed.WATER), VisitChannel.QR_CHECK_IN, null,
            true));
    kafka.send(CloudEventRecords.of(Topics.VISIT_EVENTS, a, headed.eventId(), headed.eventType(), headed.source(),
        headed.occurredAt(), EventJson.write(headed)));
    expected.merge(a + "@" + YESTERDAY.atTime(20, 0), 1L, Long::sum);

    // 5. The consumer died after counting a batch and before committing its offsets: on restart
    //    it reads everything from the start again.
    SmartLifecycle counting = (SmartLifecycle) rebuilds;
    counting.stop();
    moveGroupToStart();
    counting.start();

    // A marker after all that, so the check below sees the consumer past every redelivery.
    String marker = line("exact-marker-" + UUID.randomUUID(), b, "TAXI_DRIVER", YESTERDAY.atTime(23, 30));
    expected.merge(b + "@" + YESTERDAY.atTime(23, 0), 1L, Long::sum);
    assertThat(postBatch(marker)).containsEntry("accepted", 1);
    awaitBalanced(district, first + 54);
    assertThat(counted(a, b)).isEqualTo(expected);
    http.get().uri("/api/visits/{id}", orphan).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.services[0]").isEqualTo("CHARGING");
    http.get().uri("/api/visits/{id}", headedOrphan).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.workerType").isEqualTo("SANITATION");

    // 6. Where each station-hour stands was announced, in rounds, with the absolute counts.
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      assertThat(scalar("SELECT count(*) FROM utilization_unannounced")).isZero();
      assertThat(scalar("SELECT count(*) FROM outbox WHERE published_at IS NULL")).isZero();
      assertThat(latestAnnounced(a, b)).isEqualTo(expected);
    });
    long announcedBefore = kafka.recordsContaining(Topics.UTILIZATION_EVENTS, a).size();
    long announcedOfB = kafka.recordsContaining(Topics.UTILIZATION_EVENTS, b).size();
    long hoursOfB = scalar("SELECT count(*) FROM utilization_hours WHERE station_id = '" + b + "'");
    Map<String, String> liveCounts = everyCount(a, b);
    // As if b's hours had been counted but not announced when the service stopped: the rebuild
    // counts them quietly, and must still have them announced once it ends.
    db.sql("DELETE FROM utilization_announced WHERE station_id = CAST(:b AS uuid)").bind("b", b).then().block();

    // 7. A rebuild replays the topic into empty tables, announces nothing while replaying, and
    //    ends where the live count was.
    Map<?, ?> started = http.post().uri("/api/utilization/rebuilds")
        .exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
    assertThat(started.get("message").toString()).containsAnyOf("正在重算", "重算完成");
    assertThat(((Map<?, ?>) started.get("rebuild")).get("requestedBy")).as("the token's name").isEqualTo("市总工会 演示用户");
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        http.get().uri("/api/utilization/rebuilds/latest").exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.rebuild.state").isEqualTo("DONE").jsonPath("$.percent").isEqualTo(100.0));
    awaitBalanced(district, first + 54);
    assertThat(counted(a, b)).isEqualTo(expected);
    assertThat(everyCount(a, b)).as("by worker type, service and openness too").isEqualTo(liveCounts);
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
        kafka.recordsContaining(Topics.UTILIZATION_EVENTS, b)).hasSize((int) (announcedOfB + hoursOfB)));
    assertThat(latestAnnounced(b)).isEqualTo(counted(b));
    assertThat(kafka.recordsContaining(Topics.UTILIZATION_EVENTS, a)).as("unchanged hours are not announced again")
        .hasSize((int) announcedBefore);
    kafka.recordsContaining(Topics.UTILIZATION_EVENTS, a).forEach(r -> EventContracts.assertConforms(r.value()));
  }

  @Test
  void planners_see_busy_and_idle_stations_the_hours_workers_come_and_who_comes() {
    String district = "规划区" + UUID.randomUUID().toString().substring(0, 8);
    String busy = station("繁忙站", district);
    String normal = station("一般站", district);
    String idle = station("冷清站", district);
    List<String> lines = busyNoonAndEveningRiders("plan-", busy, normal);
    assertThat(postBatch(String.join("\n", lines))).containsEntry("accepted", 160);
    awaitBalanced(district, 160);
    String day = YESTERDAY.toString();

    http.get().uri("/api/utilization/districts/{d}/ranking?from={f}&to={t}", district, day, day).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.stations[0].name").isEqualTo("繁忙站")
        .jsonPath("$.stations[0].level").isEqualTo("OVERLOADED")
        .jsonPath("$.stations[0].busiestHour").isEqualTo(12)
        .jsonPath("$.stations[1].level").isEqualTo("NORMAL")
        .jsonPath("$.stations[2].name").isEqualTo("冷清站")
        .jsonPath("$.stations[2].level").isEqualTo("UNDERUSED")
        .jsonPath("$.stations[2].action").value(a -> assertThat((String) a).contains("宣传"));

    DayOfWeek weekday = YESTERDAY.getDayOfWeek();
    http.get().uri("/api/utilization/hours-fit?station={s}&from={f}&to={t}", busy, day, day).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.visits").isEqualTo(120)
        .jsonPath("$.demand[" + weekday.ordinal() + "].visitsByHour[12]").isEqualTo(65)
        .jsonPath("$.suggestedHours[0].day").isEqualTo(weekday.name())
        .jsonPath("$.suggestedHours[0].covered").value(c -> assertThat(((Number) c).intValue()).isGreaterThanOrEqualTo(108));

    http.get().uri("/api/utilization/awareness?district={d}&from={f}&to={t}", district, day, day).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.stations[0].name").isEqualTo("繁忙站")
        .jsonPath("$.stations[0].awareness.flagged").isEqualTo(true)
        .jsonPath("$.stations[1].awareness.flagged").isEqualTo(false)
        .jsonPath("$.overall.share").isEqualTo(0.25);

    http.get().uri("/api/utilization/summary?district={d}&from={f}&to={t}", district, day, day).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.visits").isEqualTo(160)
        .jsonPath("$.stations").isEqualTo(3)
        .jsonPath("$.stationsWithVisits").isEqualTo(2)
        .jsonPath("$.busyIdle.OVERLOADED").isEqualTo(1)
        .jsonPath("$.busyIdle.UNDERUSED").isEqualTo(1)
        .jsonPath("$.workerTypes.FOOD_DELIVERY").isEqualTo(40)
        .jsonPath("$.trend[0].visits").isEqualTo(160)
        .jsonPath("$.busiest[0].name").isEqualTo("繁忙站")
        // 120 visits in the day over its 12 seats, and what a planner could do about it.
        .jsonPath("$.busiest[0].capacity").isEqualTo(12)
        .jsonPath("$.busiest[0].visitsPerSeatPerDay").isEqualTo(10.0)
        .jsonPath("$.busiest[0].action").isNotEmpty()
        .jsonPath("$.idlest[0].name").isEqualTo("冷清站");

    http.get().uri("/api/utilization/stations/{id}/series?from={f}&to={t}&by=hour", normal, day, day).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.buckets.length()").isEqualTo(24)
        .jsonPath("$.buckets[20].visits").isEqualTo(14)
        .jsonPath("$.total.workerTypes.FOOD_DELIVERY").isEqualTo(40)
        .jsonPath("$.total.services.WATER").isEqualTo(40);
    http.get().uri("/api/utilization/stations/{id}/series?by=fortnight", normal).exchange()
        .expectStatus().isBadRequest().expectBody().jsonPath("$.detail").exists();
    http.get().uri("/api/utilization/districts/{d}/ranking", "没有这个区").exchange()
        .expectStatus().isNotFound().expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("区县名称"));
    http.get().uri("/api/utilization/summary?from=2026-11-28&to=2026-11-01").exchange()
        .expectStatus().isBadRequest().expectBody().jsonPath("$.detail").exists();
  }

  @Test
  void a_station_is_judged_on_the_days_since_it_was_listed_or_first_visited_whichever_came_first() {
    String district = "天数区" + UUID.randomUUID().toString().substring(0, 8);
    // Both listed today; one had visitors yesterday already, as a station running before it was
    // registered here has: judged on two days of the period, not on one nor on all four.
    String runningBefore = station("登记前已开放站", district);
    String newlyListed = station("新登记站", district);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      lines.add(line("days-" + UUID.randomUUID(), runningBefore, "COURIER", YESTERDAY.atTime(8 + i % 10, i)));
    }
    assertThat(postBatch(String.join("\n", lines))).containsEntry("accepted", 30);
    awaitBalanced(district, 30);

    http.get().uri("/api/utilization/districts/{d}/ranking?from={f}&to={t}", district,
            YESTERDAY.minusDays(2).toString(), YESTERDAY.plusDays(1).toString()).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.stations[?(@.stationId == '" + runningBefore + "')].days").isEqualTo(2)
        .jsonPath("$.stations[?(@.stationId == '" + runningBefore + "')].visitsPerDay").isEqualTo(15.0)
        .jsonPath("$.stations[?(@.stationId == '" + newlyListed + "')].days").isEqualTo(1);
  }

  @Test
  void the_map_shows_each_station_busy_idle_or_closed_when_needed_against_its_own_district() {
    String district = "地图区" + UUID.randomUUID().toString().substring(0, 8);
    String neighbour = "邻区" + UUID.randomUUID().toString().substring(0, 8);
    String busy = station("繁忙站", district);
    String evening = station("夜间需求站", district);
    String idle = station("冷清站", district);
    String alone = station("邻区唯一站", neighbour);
    opensNineToFive(evening);
    // Riders come to the evening one at 20:00-22:00, when it has closed for the day.
    List<String> lines = busyNoonAndEveningRiders("map-", busy, evening);
    for (int i = 0; i < 10; i++) {
      lines.add(line("map-" + UUID.randomUUID(), alone, "TAXI_DRIVER", YESTERDAY.atTime(10, i)));
    }
    assertThat(postBatch(String.join("\n", lines))).containsEntry("accepted", 170);
    awaitBalanced(district, 160);
    awaitBalanced(neighbour, 10);
    String day = YESTERDAY.toString();

    http.get().uri("/api/utilization/stations?district={d}&from={f}&to={t}", district, day, day).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.district").isEqualTo(district)
        .jsonPath("$.stations.length()").isEqualTo(3)
        .jsonPath("$.stations[?(@.stationId == '" + busy + "')].level").isEqualTo("OVERLOADED")
        .jsonPath("$.stations[?(@.stationId == '" + busy + "')].rank").isEqualTo(1)
        // Its hours are unknown: nothing says it was closed.
        .jsonPath("$.stations[?(@.stationId == '" + busy + "')].closedWhenNeeded").isEqualTo(false)
        .jsonPath("$.stations[?(@.stationId == '" + evening + "')].level").isEqualTo("NORMAL")
        .jsonPath("$.stations[?(@.stationId == '" + evening + "')].outsideHours").isEqualTo(40)
        .jsonPath("$.stations[?(@.stationId == '" + evening + "')].outsideHoursShare").isEqualTo(1.0)
        .jsonPath("$.stations[?(@.stationId == '" + evening + "')].closedWhenNeeded").isEqualTo(true)
        .jsonPath("$.stations[?(@.stationId == '" + evening + "')].newEconomyShare").isEqualTo(1.0)
        .jsonPath("$.stations[?(@.stationId == '" + idle + "')].level").isEqualTo("UNDERUSED")
        .jsonPath("$.stations[?(@.stationId == '" + idle + "')].visits").isEqualTo(0)
        .jsonPath("$.stations[?(@.stationId == '" + alone + "')]").doesNotExist();

    // The city's map judges each station against its own district, as the district's does.
    http.get().uri("/api/utilization/stations?from={f}&to={t}", day, day).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.district").doesNotExist()
        .jsonPath("$.stations[?(@.stationId == '" + busy + "')].level").isEqualTo("OVERLOADED")
        .jsonPath("$.stations[?(@.stationId == '" + evening + "')].closedWhenNeeded").isEqualTo(true)
        .jsonPath("$.stations[?(@.stationId == '" + alone + "')].rank").isEqualTo(1)
        .jsonPath("$.stations[?(@.stationId == '" + alone + "')].level").isEqualTo("NORMAL");
    http.get().uri("/api/utilization/stations?from={f}&to={t}", "2026-13-01", day).exchange()
        .expectStatus().isBadRequest().expectBody().jsonPath("$.detail").exists();

    // The same for Excel: a UTF-8 sheet with a byte-order mark, a row a station, named for what it holds.
    var sheet = http.get().uri("/api/utilization/stations.csv?district={d}&from={f}&to={t}", district, day, day)
        .exchange().expectStatus().isOk()
        .expectHeader().contentTypeCompatibleWith("text/csv")
        .expectHeader().value("Content-Disposition", d -> assertThat(d).startsWith("attachment; filename=\"stations_" + day)
            .contains("filename*=UTF-8''").contains(URLEncoder.encode("站点忙闲_" + district, StandardCharsets.UTF_8)))
        .expectBody(byte[].class).returnResult().getResponseBody();
    String text = new String(sheet, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF站点编号,站点,区县,");
    List<String> rows = text.lines().toList();
    assertThat(rows).hasSize(4);
    assertThat(rows).filteredOn(r -> r.startsWith(evening)).singleElement().asString()
        .contains("夜间需求站", "正常", ",40,100.0%,是,100.0%");
    assertThat(rows).filteredOn(r -> r.startsWith(busy)).singleElement().asString().contains("超负荷", ",否,");
  }

  @Test
  void a_station_becoming_overloaded_or_idle_is_published_once_on_the_utilization_topic() {
    String district = "发布区" + UUID.randomUUID().toString().substring(0, 8);
    String busy = station("繁忙站", district);
    String normal = station("一般站", district);
    String idle = station("冷清站", district);
    // Nobody comes to the idle one.
    assertThat(postBatch(String.join("\n", busyNoonAndEveningRiders("standing-", busy, normal))))
        .containsEntry("accepted", 160);
    awaitBalanced(district, 160);

    // Each station's first standing, over the four weeks that ended yesterday.
    publishingStandings.runOnce().block();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(standingsPublished(busy, normal, idle))
        .containsOnlyKeys(busy, normal, idle));
    StandingChanged overloaded = standingsPublished(busy).get(busy).get(0);
    assertThat(overloaded.level()).isEqualTo(StandingChanged.Level.OVERLOADED);
    assertThat(overloaded.previousLevel()).isNull();
    assertThat(overloaded.district()).isEqualTo(district);
    assertThat(overloaded.from()).isEqualTo(YESTERDAY.minusDays(Period.DEFAULT_DAYS - 1L));
    assertThat(overloaded.to()).isEqualTo(YESTERDAY);
    assertThat(overloaded.visits()).isEqualTo(120);
    assertThat(overloaded.peakOccupancy()).isGreaterThanOrEqualTo(1.0);
    assertThat(overloaded.reasons()).isNotEmpty();
    assertThat(overloaded.action()).contains("分流");
    assertThat(standingsPublished(normal).get(normal).get(0).level()).isEqualTo(StandingChanged.Level.NORMAL);
    assertThat(standingsPublished(idle).get(idle).get(0).level()).isEqualTo(StandingChanged.Level.UNDERUSED);
    kafka.recordsContaining(Topics.UTILIZATION_EVENTS, busy).stream()
        .filter(r -> StandingChanged.TYPE.name().equals(TopicProbe.header(r, "ce_type")))
        .forEach(r -> EventContracts.assertConforms(r.value()));

    // Nothing changed: the next round publishes nothing about them.
    publishingStandings.runOnce().block();
    // Riders find the idle one: it stands with the others now, and only it is published again.
    List<String> riders = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      riders.add(line("standing-" + UUID.randomUUID(), idle, "COURIER", YESTERDAY.atTime(9 + i % 8, i)));
    }
    assertThat(postBatch(String.join("\n", riders))).containsEntry("accepted", 40);
    awaitBalanced(district, 200);
    publishingStandings.runOnce().block();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(standingsPublished(idle).get(idle)).hasSize(2));
    StandingChanged found = standingsPublished(idle).get(idle).get(1);
    assertThat(found.level()).isEqualTo(StandingChanged.Level.NORMAL);
    assertThat(found.previousLevel()).isEqualTo(StandingChanged.Level.UNDERUSED);
    assertThat(standingsPublished(busy, normal).values()).allSatisfy(events -> assertThat(events).hasSize(1));

    // Emptied for a rebuild that has not finished: the counts are partial, nothing is published,
    // though the normal one's noon is full now. Once the rebuild is through, it is.
    List<String> noon = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      noon.add(line("standing-" + UUID.randomUUID(), normal, "COURIER", YESTERDAY.atTime(12, i)));
    }
    assertThat(postBatch(String.join("\n", noon))).containsEntry("accepted", 60);
    awaitBalanced(district, 260);
    db.sql("INSERT INTO utilization_cleared (cleared_at) VALUES (now()) "
        + "ON CONFLICT (only_row) DO UPDATE SET cleared_at = EXCLUDED.cleared_at").then().block();
    try {
      assertThat(publishingStandings.runOnce().block()).isZero();
    } finally {
      db.sql("DELETE FROM utilization_cleared WHERE cleared_at > now() - INTERVAL '1 minute'").then().block();
    }
    await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(standingsPublished(normal).get(normal)).hasSize(1));
    publishingStandings.runOnce().block();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(standingsPublished(normal).get(normal))
        .extracting(StandingChanged::level).containsExactly(StandingChanged.Level.NORMAL, StandingChanged.Level.OVERLOADED));
  }

  /** Station id -> its utilization.standing-changed events, in the order published. */
  Map<String, List<StandingChanged>> standingsPublished(String... stations) {
    Map<String, List<StandingChanged>> published = new TreeMap<>();
    for (String station : stations) {
      kafka.recordsContaining(Topics.UTILIZATION_EVENTS, station).stream()
          .filter(r -> StandingChanged.TYPE.name().equals(TopicProbe.header(r, "ce_type")))
          .sorted(java.util.Comparator.comparingLong(ConsumerRecord::offset))
          .forEach(r -> published.computeIfAbsent(station, k -> new ArrayList<>())
              .add(EventJson.read(r.value(), StandingChanged.TYPE).data()));
    }
    return published;
  }

  /** Sends the station's new hours, 09:00-17:00 every day, and waits until check-ins go by them. */
  void opensNineToFive(String station) {
    Map<String, List<Hours.Range>> weekly = new TreeMap<>();
    for (DayOfWeek d : DayOfWeek.values()) {
      weekly.put(d.name(), List.of(new Hours.Range("09:00", "17:00")));
    }
    kafka.send(Topics.STATION_EVENTS, station, EventJson.write(EventEnvelope.of(StationHoursChanged.TYPE,
        "station-service", station, Instant.now(), new StationHoursChanged(station, 2, new Hours(false, weekly, List.of())))));
    // A probe two days back, out of the period the test reads: told closed once the hours arrived.
    String evening = at(YESTERDAY.minusDays(1).atTime(21, 0));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.post().uri("/api/visits")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("visitId", "probe-" + UUID.randomUUID(), "stationId", station, "workerType", "COURIER",
            "services", List.of("WATER"), "visitedAt", evening))
        .exchange().expectStatus().isCreated().expectBody().jsonPath("$.stationOpen").isEqualTo(false));
  }

  @Autowired @Qualifier("countedEventsPruning") OldRows countedEventsPruning;
  @Autowired InboxProperties inboxProperties;

  @Test
  void the_counters_inbox_forgets_events_older_than_it_keeps() {
    UUID old = UUID.randomUUID();
    UUID recent = UUID.randomUUID();
    db.sql("INSERT INTO utilization_counted_events (visited_at, event_id, counted_at) "
            + "VALUES (now(), :old, now() - make_interval(secs => :seconds)), (now(), :recent, now())")
        .bind("old", old)
        .bind("recent", recent)
        .bind("seconds", (double) inboxProperties.keep().plusMinutes(1).toSeconds())
        .then().block();

    assertThat(countedEventsPruning.prune().block()).isGreaterThanOrEqualTo(1);

    assertThat(db.sql("SELECT event_id FROM utilization_counted_events WHERE event_id IN (:old, :recent)")
        .bind("old", old).bind("recent", recent)
        .map(row -> row.get("event_id", UUID.class)).all().collectList().block())
        .containsExactly(recent);
  }

  @Autowired UtilizationStore store;
  @Autowired ConnectionFactory connections;

  @Test
  void a_batch_with_events_counted_before_counts_only_the_others_and_each_of_them_once() {
    UUID station = UUID.randomUUID();
    Instant eight = YESTERDAY.atTime(8, 0).atZone(CityTime.ZONE).toInstant();
    Instant nine = eight.plus(Duration.ofHours(1));
    CountedVisit first = visit(station, eight.plusSeconds(60), WorkerType.COURIER);
    CountedVisit second = visit(station, eight.plusSeconds(120), WorkerType.SANITATION);
    CountedVisit third = visit(station, nine.plusSeconds(60), WorkerType.COURIER);
    assertThat(store.count(List.of(first, second, third), false).block())
        .isEqualTo(new UtilizationStore.Counted(3, 0));

    // Two counted before, two new, one of them twice in the batch.
    CountedVisit fourth = visit(station, eight.plusSeconds(180), WorkerType.FOOD_DELIVERY);
    CountedVisit fifth = visit(station, nine.plusSeconds(180), WorkerType.FOOD_DELIVERY);
    assertThat(store.count(List.of(second, fourth, third, fifth, fourth), false).block())
        .isEqualTo(new UtilizationStore.Counted(2, 3));

    assertThat(counted(station.toString())).containsExactly(
        Map.entry(station + "@" + YESTERDAY.atTime(8, 0), 3L), Map.entry(station + "@" + YESTERDAY.atTime(9, 0), 2L));
    assertThat(byStationHour("w_food_delivery", Long.class, station.toString())).containsValues(1L, 1L);
    assertThat(byStationHour("w_courier", Long.class, station.toString())).containsValues(1L, 1L);
  }

  @Test
  void an_hour_counted_while_a_round_announces_is_announced_again_with_its_new_counts() {
    UUID station = UUID.randomUUID();
    Instant eight = YESTERDAY.atTime(8, 0).atZone(CityTime.ZONE).toInstant();
    String eightOClock = "station_id = '" + station + "' AND hour = '" + eight + "'";
    // A counter adding to an hour already marked writes no mark of its own (the mark is there) and
    // holds the hour's row until it commits. A round meanwhile must leave the mark alone: cleared
    // for the counts before, the counter's visits would never be announced.
    Connection counter = Mono.from(connections.create()).block();
    try {
      boolean markedBefore;
      do {
        store.count(List.of(visit(station, eight.plusSeconds(60), WorkerType.COURIER)), true).block();
        Mono.from(counter.beginTransaction()).block();
        execute(counter, "UPDATE utilization_hours SET visits = visits + 1, w_courier = w_courier + 1 WHERE "
            + eightOClock);
        markedBefore = execute(counter, "INSERT INTO utilization_unannounced (station_id, hour) "
            + "SELECT station_id, hour FROM utilization_hours WHERE " + eightOClock
            + " ON CONFLICT DO NOTHING") == 0;
        if (!markedBefore) {   // a scheduled round came between: try again
          Mono.from(counter.rollbackTransaction()).block();
        }
      } while (!markedBefore);

      store.announceChanges(10_000).block();
      assertThat(scalar("SELECT count(*) FROM utilization_unannounced WHERE " + eightOClock)).isOne();
      Mono.from(counter.commitTransaction()).block();
    } finally {
      Mono.from(counter.close()).block();
    }

    // A redelivered batch with a new visit in another hour marks that hour too.
    Instant nine = eight.plus(Duration.ofHours(1));
    CountedVisit counted = visit(station, eight.plusSeconds(90), WorkerType.SANITATION);
    store.count(List.of(counted), true).block();
    assertThat(store.count(List.of(counted, visit(station, nine.plusSeconds(60), WorkerType.COURIER)), true).block())
        .isEqualTo(new UtilizationStore.Counted(1, 1));

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(scalar("SELECT count(*) FROM utilization_unannounced WHERE station_id = '" + station + "'")).isZero();
      assertThat(db.sql("SELECT hour, visits FROM utilization_announced WHERE station_id = :s ORDER BY hour")
          .bind("s", station)
          .map(row -> row.get("visits", Long.class))
          .all().collectList().block())
          .isEqualTo(db.sql("SELECT hour, visits::bigint AS visits FROM utilization_hours WHERE station_id = :s "
                  + "ORDER BY hour")
              .bind("s", station)
              .map(row -> row.get("visits", Long.class))
              .all().collectList().block())
          .hasSize(2);
    });
  }

  /** Runs {@code sql} on the connection, answering the rows it changed. */
  static long execute(Connection connection, String sql) {
    return Flux.from(connection.createStatement(sql).execute())
        .flatMap(Result::getRowsUpdated)
        .reduce(0L, Long::sum)
        .block();
  }

  static CountedVisit visit(UUID station, Instant at, WorkerType worker) {
    return new CountedVisit(UUID.randomUUID(), station, at, worker, java.util.Set.of(ServiceUsed.WATER), true, at);
  }

  @Test
  void the_reconciliation_names_each_station_hour_whose_count_differs_from_the_visits_accepted() {
    String district = "对账区" + UUID.randomUUID().toString().substring(0, 8);
    String station = station("对账站", district);
    String other = station("对账邻站", district);
    assertThat(postBatch(String.join("\n",
        line("recon-" + UUID.randomUUID(), station, "COURIER", YESTERDAY.atTime(9, 5)),
        line("recon-" + UUID.randomUUID(), station, "COURIER", YESTERDAY.atTime(9, 35)),
        line("recon-" + UUID.randomUUID(), station, "TAXI_DRIVER", YESTERDAY.atTime(14, 0)),
        line("recon-" + UUID.randomUUID(), other, "SANITATION", YESTERDAY.atTime(9, 10)))))
        .containsEntry("accepted", 4);
    awaitBalanced(district, 4);
    // A count lost at 09:00 and one too many at 14:00, as a fault in counting would leave them.
    String nine = at(YESTERDAY.atTime(9, 0));
    String two = at(YESTERDAY.atTime(14, 0));
    db.sql("UPDATE utilization_hours SET visits = visits - 1 WHERE station_id = :s AND hour = :h")
        .bind("s", UUID.fromString(station)).bind("h", Instant.parse(nine).atOffset(java.time.ZoneOffset.UTC))
        .fetch().rowsUpdated().block();
    db.sql("UPDATE utilization_hours SET visits = visits + 2 WHERE station_id = :s AND hour = :h")
        .bind("s", UUID.fromString(station)).bind("h", Instant.parse(two).atOffset(java.time.ZoneOffset.UTC))
        .fetch().rowsUpdated().block();

    http.get().uri("/api/utilization/reconciliation?district={d}&from={f}", district, YESTERDAY.toString()).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.balanced").isEqualTo(false)
        .jsonPath("$.verdict").value(v -> assertThat((String) v).startsWith("不一致：2 个站点小时"))
        .jsonPath("$.totals.accepted").isEqualTo(4)
        .jsonPath("$.totals.counted").isEqualTo(5)
        .jsonPath("$.totals.mismatchedHours").isEqualTo(2)
        .jsonPath("$.totals.mismatches.length()").isEqualTo(2)
        // The largest difference first.
        .jsonPath("$.totals.mismatches[0].stationId").isEqualTo(station)
        .jsonPath("$.totals.mismatches[0].hour").isEqualTo(two)
        .jsonPath("$.totals.mismatches[0].accepted").isEqualTo(1)
        .jsonPath("$.totals.mismatches[0].counted").isEqualTo(3)
        .jsonPath("$.totals.mismatches[1].hour").isEqualTo(nine)
        .jsonPath("$.totals.mismatches[1].accepted").isEqualTo(2)
        .jsonPath("$.totals.mismatches[1].counted").isEqualTo(1);
    // The other station of the district is right, and asked alone it says so.
    http.get().uri("/api/utilization/reconciliation?station={s}&from={f}", other, YESTERDAY.toString()).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.balanced").isEqualTo(true)
        .jsonPath("$.totals.mismatches.length()").isEqualTo(0);
  }

  @Test
  void anyone_reading_the_figures_is_told_how_many_accepted_visits_are_not_counted_yet() {
    String district = "积压区" + UUID.randomUUID().toString().substring(0, 8);
    String a = station("积压站", district);
    WebTestClient anonymous = TestHttp.client(port);
    SmartLifecycle counting = (SmartLifecycle) rebuilds;
    counting.stop();
    try {
      // A district's large feed while counting stands still: accepted, not counted.
      int feed = (int) CountingBacklog.CURRENT_BELOW + 1_000;
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < feed; i++) {
        lines.add(line("backlog-" + UUID.randomUUID(), a, "COURIER", YESTERDAY.atTime(7 + i % 14, i % 60)));
      }
      assertThat(postBatch(String.join("\n", lines))).containsEntry("accepted", feed);
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
          anonymous.get().uri("/api/utilization/counting").exchange().expectStatus().isOk().expectBody()
              .jsonPath("$.behind").isEqualTo(true)
              .jsonPath("$.waiting").value(w -> assertThat(((Number) w).longValue()).isGreaterThanOrEqualTo(feed))
              .jsonPath("$.message").value(m -> assertThat((String) m).startsWith("正在统计").contains("尚未计入")));
    } finally {
      counting.start();
    }
    awaitBalanced(district, (int) CountingBacklog.CURRENT_BELOW + 1_000);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        anonymous.get().uri("/api/utilization/counting").exchange().expectStatus().isOk().expectBody()
            .jsonPath("$.behind").isEqualTo(false)
            .jsonPath("$.secondsToCatchUp").isEqualTo(0)
            .jsonPath("$.message").value(m -> assertThat((String) m).startsWith("统计及时")));
  }

  @Test
  void a_rebuild_a_migration_asked_for_runs_when_the_counter_starts_and_the_request_is_taken() {
    String district = "迁移区" + UUID.randomUUID().toString().substring(0, 8);
    String a = station("迁移站", district);
    assertThat(postBatch(line("migrate-" + UUID.randomUUID(), a, "COURIER", YESTERDAY.atTime(8, 0))))
        .containsEntry("accepted", 1);
    awaitBalanced(district, 1);
    SmartLifecycle counting = (SmartLifecycle) rebuilds;
    counting.stop();
    String by = "migration V99 (test)";
    db.sql("INSERT INTO utilization_rebuild_requests (requested_by) VALUES (:by)").bind("by", by).then().block();

    counting.start();

    assertThat(scalar("SELECT count(*) FROM utilization_rebuild_requests")).as("the request is taken").isZero();
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        http.get().uri("/api/utilization/rebuilds/latest").exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.rebuild.requestedBy").isEqualTo(by).jsonPath("$.rebuild.state").isEqualTo("DONE"));
    awaitBalanced(district, 1);
  }

  @Test
  void an_unreadable_visit_event_goes_to_the_dead_letter_topic_with_the_reason_and_counting_goes_on() {
    String district = "死信区" + UUID.randomUUID().toString().substring(0, 8);
    String a = station("丙站", district);
    kafka.send(Topics.VISIT_EVENTS, a, ("{\"eventType\":\"visit.recorded\",\"broken\":" + a).getBytes());
    assertThat(postBatch(line("dlq-" + UUID.randomUUID(), a, "COURIER", YESTERDAY.atTime(9, 0))))
        .containsEntry("accepted", 1);
    awaitBalanced(district, 1);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        // Once for each consumer of visit.events.v1 here: the counting and the visit restoring.
        assertThat(kafka.recordsContaining(Topics.deadLetter(Topics.VISIT_EVENTS), a))
            .allSatisfy(r -> assertThat(TopicProbe.header(r, DeadLetters.EXCEPTION_MESSAGE)).isNotBlank())
            .extracting(r -> TopicProbe.header(r, DeadLetters.CONSUMER))
            .containsExactlyInAnyOrder(UtilizationStore.COUNTER, "visit-service-visits"));
  }

  // --- helpers ---

  String station(String name, String district) {
    String id = UUID.randomUUID().toString();
    kafka.send(Topics.STATION_EVENTS, id, EventFixtures.stationRegistered(id, name, district));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        http.get().uri("/api/utilization/stations/{id}", id).exchange().expectStatus().isOk());
    return id;
  }

  static String at(LocalDateTime cityTime) {
    return cityTime.atZone(CityTime.ZONE).toInstant().toString();
  }

  /**
   * Yesterday at two stations: 120 sanitation workers at {@code busy}, 65 of them in the noon hour
   * (more than its 12 seats take in an hour), and 40 food-delivery riders at {@code evening} from
   * 20:00 to 22:59. Visit ids start with {@code prefix}.
   */
  static List<String> busyNoonAndEveningRiders(String prefix, String busy, String evening) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      lines.add(line(prefix + UUID.randomUUID(), busy, "SANITATION", YESTERDAY.atTime(i < 60 ? 12 : 7 + i % 12, i % 60)));
    }
    for (int i = 0; i < 40; i++) {
      lines.add(line(prefix + UUID.randomUUID(), evening, "FOOD_DELIVERY", YESTERDAY.atTime(20 + i % 3, i)));
    }
    return lines;
  }

  static String line(String visitId, String station, String workerType, LocalDateTime cityTime) {
    return "{\"visitId\":\"" + visitId + "\",\"stationId\":\"" + station + "\",\"workerType\":\"" + workerType
        + "\",\"visitedAt\":\"" + at(cityTime) + "\",\"services\":[\"WATER\"]}";
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> postBatch(String body) {
    return http.post().uri("/api/visits/batch").contentType(NDJSON).bodyValue(body + "\n")
        .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> reconciliation(String district) {
    return http.get().uri("/api/utilization/reconciliation?district={d}&from={f}", district, YESTERDAY.toString())
        .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
  }

  void awaitBalanced(String district, long visits) {
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      Map<String, Object> r = reconciliation(district);
      Map<String, Object> totals = (Map<String, Object>) r.get("totals");
      assertThat(((Number) totals.get("accepted")).longValue()).isEqualTo(visits);
      assertThat(((Number) totals.get("counted")).longValue()).isEqualTo(visits);
      assertThat(r).containsEntry("balanced", true);
    });
  }

  /** "station@city hour" -> visits, as utilization_hours holds them. */
  Map<String, Long> counted(String... stations) {
    return byStationHour("visits", Long.class, stations);
  }

  /** "station@city hour" -> every count of utilization_hours, as JSON text. */
  Map<String, String> everyCount(String... stations) {
    return byStationHour("(to_jsonb(u) - 'station_id' - 'hour')::text", String.class, stations);
  }

  /** "station@city hour" -> {@code value}, an expression over the row {@code u} of utilization_hours. */
  <T> Map<String, T> byStationHour(String value, Class<T> type, String... stations) {
    return db.sql("SELECT station_id, hour, " + value + " AS value FROM utilization_hours u WHERE station_id = ANY(:ids)")
        .bind("ids", java.util.Arrays.stream(stations).map(UUID::fromString).toArray(UUID[]::new))
        .map(row -> Map.entry(row.get("station_id", UUID.class) + "@"
                + LocalDateTime.ofInstant(row.get("hour", java.time.OffsetDateTime.class).toInstant(), CityTime.ZONE),
            row.get("value", type)))
        .all()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (x, y) -> x, TreeMap::new))
        .block();
  }

  long scalar(String sql) {
    return db.sql(sql).map(row -> row.get(0, Long.class)).one().block();
  }

  /** "station@city hour" -> visits, as the last utilization.hour-counted of each station-hour says. */
  Map<String, Long> latestAnnounced(String... stations) {
    Map<String, Long> latest = new TreeMap<>();
    for (String station : stations) {
      for (ConsumerRecord<String, byte[]> r : kafka.recordsContaining(Topics.UTILIZATION_EVENTS, station)) {
        var counted = io.yizhan.contracts.EventJson.read(r.value(),
            io.yizhan.contracts.utilization.StationHourCounted.TYPE).data();
        latest.put(counted.stationId() + "@" + LocalDateTime.ofInstant(counted.hour(), CityTime.ZONE), counted.visits());
      }
    }
    return latest;
  }

  void moveGroupToStart() {
    Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
    for (int p = 0; p < Topics.PARTITIONS; p++) {
      start.put(new TopicPartition(Topics.VISIT_EVENTS, p), new OffsetAndMetadata(0));
    }
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
        admin.alterConsumerGroupOffsets("visit-service-utilization-hours", start).all().get());
  }

  @Test
  void how_far_the_counter_and_the_restorer_are_behind_is_in_prometheus() {
    // The ops team's alert on counting falling behind reads this; the batch consumers had no
    // Kafka client metrics until session 12, so the documented lag metric did not exist.
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      String scraped = http.get().uri("/actuator/prometheus").header("Authorization", TestTokens.ops()).exchange()
          .expectStatus().isOk()
          .expectBody(String.class).returnResult().getResponseBody();
      assertThat(scraped)
          .containsPattern("kafka_consumer_fetch_manager_records_lag_max\\{[^}]*client_id=\"utilization-counting-\\d+\"")
          .containsPattern("kafka_consumer_fetch_manager_records_lag_max\\{[^}]*client_id=\"visit-restoring-\\d+\"")
          // Not the binder's own lag gauge, which asked the broker on every scrape (yizhan-service-defaults.yml).
          .doesNotContain("spring_cloud_stream_binder_kafka_offset");
    });
  }

  @Test
  void the_figures_reads_take_one_core_of_the_database_not_every_one() {
    // With parallel workers a city's figures took every core of a small machine, and single
    // check-ins stalled behind them (application.yml, YIZHAN_VISITS_DB_PARALLEL_WORKERS).
    assertThat(db.sql("SHOW max_parallel_workers_per_gather").map(row -> row.get(0, String.class)).one().block())
        .isEqualTo("0");
  }

  @Test
  void the_figures_are_worked_on_off_the_database_connections_event_loop(@Autowired UtilizationStore store) {
    // That loop also carries the single check-ins' transactions (R2dbcUtilizationStore).
    Period period = new Period(YESTERDAY.minusDays(27), YESTERDAY);
    Map<String, Mono<?>> reads = Map.of(
        "perStation", store.perStation(UtilizationStore.Filter.all(), period),
        "byHourOfDay", store.byHourOfDay(UtilizationStore.Filter.all(), period),
        "weekDemand", store.weekDemand(UtilizationStore.Filter.all(), period),
        "series", store.series(UtilizationStore.Filter.all(), period, Granularity.DAY).collectList(),
        "reconcile", store.reconcile(UtilizationStore.Filter.all(), period.start(), period.end(), 10));
    reads.forEach((name, read) -> assertThat(read.map(r -> Thread.currentThread().getName()).block())
        .as(name).startsWith("parallel-"));
  }

  @Test
  void kafka_reports_a_partitions_lag_once_under_the_topics_own_name(@Autowired MeterRegistry meters) {
    // Kafka's clients report each partition's metrics also under the topic's name with underscores
    // for dots; the client metrics find new partitions once a minute, so the registry's filter is
    // tried here with meters named and tagged as those.
    String lag = "kafka.consumer.fetch.manager.records.lag";
    Gauge.builder(lag, () -> 1.0).tags("client.id", "filter-test", "topic", "visit.events.v1").register(meters);
    Gauge.builder(lag, () -> 1.0).tags("client.id", "filter-test", "topic", "visit_events_v1").register(meters);

    assertThat(meters.find(lag).tag("client.id", "filter-test").gauges())
        .singleElement().satisfies(g -> assertThat(g.getId().getTag("topic")).isEqualTo("visit.events.v1"));
  }
}
