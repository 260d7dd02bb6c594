package io.yizhan.station.standings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.EventJson;
import io.yizhan.contracts.Topics;
import io.yizhan.contracts.maintenance.MaintenanceOverdue.Tier;
import io.yizhan.contracts.station.StandingFlagged;
import io.yizhan.contracts.station.StandingFlagged.Flag;
import io.yizhan.contracts.utilization.StandingChanged;
import io.yizhan.contracts.utilization.StandingChanged.Level;
import io.yizhan.station.registry.StationId;
import io.yizhan.station.registry.StationRegistryIntegrationTest;
import io.yizhan.support.kafka.CloudEventRecords;
import io.yizhan.support.kafka.DeadLetters;
import io.yizhan.testkit.EventContracts;
import io.yizhan.testkit.EventFixtures;
import io.yizhan.testkit.TestHttp;
import io.yizhan.testkit.TestTokens;
import io.yizhan.testkit.TopicProbe;
import io.yizhan.testkit.YizhanIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Standings as visit-service publishes them on utilization.events.v1, among its hourly counts,
 * read by station-service against a real broker and database: what each raises is announced on
 * station.events.v1 with whom to tell, once.
 */
@YizhanIntegrationTest
class StandingsIntegrationTest {

  @LocalServerPort int port;
  @Autowired Standings standings;
  final TopicProbe kafka = TopicProbe.onTestBroker();

  @Test
  void a_station_becoming_overloaded_tells_its_manager_and_regional_head_once() {
    String id = registered();
    Instant judged = Instant.now();
    kafka.send(Topics.UTILIZATION_EVENTS, id, EventFixtures.stationHourCounted(id, judged, 12, 3));
    ProducerRecord<String, byte[]> first = standing(id, Level.OVERLOADED, null, false, judged);
    kafka.send(first);

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(flagged(id)).hasSize(1));
    StandingFlagged overloaded = flagged(id).get(0);
    assertThat(overloaded.flag()).isEqualTo(Flag.OVERLOADED);
    assertThat(overloaded.stationName()).isEqualTo("碑林区光大银行爱心驿站");
    assertThat(overloaded.visits()).isEqualTo(1512);
    assertThat(overloaded.action()).isEqualTo("考虑延长开放时间、增加座位，或在附近增设站点分流");
    assertThat(overloaded.recipients()).extracting(r -> r.tier() + " " + r.contact().name())
        .containsExactly(Tier.STATION_MANAGER + " 王丽", Tier.REGIONAL_HEAD + " 李强");
    Instant overloadedTold = told(id).get(Flag.OVERLOADED);
    assertThat(overloadedTold).isNotNull();

    // Delivered again; back to normal the next day and overloaded the day after, within the quiet
    // period: nobody is told again. Then its hours start to miss the workers: that is news.
    kafka.send(first);
    kafka.send(standing(id, Level.NORMAL, Level.OVERLOADED, false, judged.plusSeconds(60)));
    kafka.send(standing(id, Level.OVERLOADED, Level.NORMAL, false, judged.plusSeconds(120)));
    kafka.send(standing(id, Level.OVERLOADED, Level.OVERLOADED, true, judged.plusSeconds(180)));

    // The records of one station are read in order: once the last is kept, all before it were.
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kept(id)).isNotNull()
        .extracting(Standing::closedWhenNeeded).isEqualTo(true));
    // What was told is noted in the transaction that keeps the standing; the announcements follow
    // through the outbox, so the topic is awaited, the note is not.
    assertThat(told(id)).containsOnlyKeys(Flag.OVERLOADED, Flag.CLOSED_WHEN_NEEDED)
        .containsEntry(Flag.OVERLOADED, overloadedTold);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(flagged(id)).hasSize(2));
    assertThat(flagged(id)).extracting(StandingFlagged::flag).containsExactly(Flag.OVERLOADED, Flag.CLOSED_WHEN_NEEDED);
    kafka.recordsContaining(Topics.STATION_EVENTS, id).forEach(r -> EventContracts.assertConforms(r.value()));
  }

  @Test
  void standings_from_long_ago_and_of_stations_out_of_service_tell_nobody() {
    String idle = registered();
    Instant now = Instant.now();
    // Read five days after it was judged (history, or a long outage): kept, not told.
    kafka.send(standing(idle, Level.UNDERUSED, null, false, now.minus(Duration.ofDays(5))));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kept(idle)).isNotNull());
    assertThat(told(idle)).isEmpty();
    // Still idle today: not raised, since it was idle before. Normal, then idle again: told.
    kafka.send(standing(idle, Level.UNDERUSED, Level.UNDERUSED, true, now));
    kafka.send(standing(idle, Level.NORMAL, Level.UNDERUSED, true, now.plusSeconds(60)));
    kafka.send(standing(idle, Level.UNDERUSED, Level.NORMAL, true, now.plusSeconds(120)));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(flagged(idle)).hasSize(2));
    assertThat(flagged(idle)).extracting(StandingFlagged::flag).containsExactly(Flag.CLOSED_WHEN_NEEDED, Flag.UNDERUSED);

    String suspended = registered();
    http().post().uri("/api/stations/{id}/status", suspended).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("action", "SUSPEND", "by", "区域站长 李强", "reason", "内部装修"))
        .exchange().expectStatus().isOk();
    kafka.send(standing(suspended, Level.OVERLOADED, null, true, now));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kept(suspended)).isNotNull());
    assertThat(told(suspended)).isEmpty();
    assertThat(flagged(suspended)).isEmpty();

    // An older standing read after a newer one does not replace it.
    kafka.send(standing(idle, Level.NORMAL, null, false, now.minus(Duration.ofDays(1))));
    kafka.send(standing(suspended, Level.NORMAL, Level.OVERLOADED, false, now.plusSeconds(1)));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kept(suspended).level()).isEqualTo(Level.NORMAL));
    assertThat(kept(idle).level()).isEqualTo(Level.UNDERUSED);
  }

  @Test
  void a_standing_that_cannot_be_read_goes_to_the_dead_letter_topic_with_the_reason() {
    String id = registered();
    byte[] broken = EventJson.write(EventEnvelope.of(StandingChanged.TYPE, "visit-service", "not-a-station",
        Instant.now(), changed("not-a-station", Level.OVERLOADED, null, false)));
    UUID eventId = EventJson.readEnvelope(broken).eventId();
    kafka.send(CloudEventRecords.of(Topics.UTILIZATION_EVENTS, "not-a-station", eventId, StandingChanged.TYPE.name(),
        "visit-service", Instant.now(), broken));
    // The station after it, on whichever partition, is still read.
    kafka.send(standing(id, Level.OVERLOADED, null, false, Instant.now()));

    String dlq = Topics.UTILIZATION_EVENTS + ".dlq";
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kafka.recordsContaining(dlq, eventId.toString()))
        .hasSize(1));
    assertThat(TopicProbe.header(kafka.recordsContaining(dlq, eventId.toString()).get(0), DeadLetters.EXCEPTION_MESSAGE))
        .contains("not-a-station");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(flagged(id)).hasSize(1));
  }

  private @Nullable Standing kept(String stationId) {
    return standings.known(new StationId(UUID.fromString(stationId))).block().standing();
  }

  private Map<Flag, Instant> told(String stationId) {
    return standings.known(new StationId(UUID.fromString(stationId))).block().lastTold();
  }

  private List<StandingFlagged> flagged(String stationId) {
    return kafka.recordsContaining(Topics.STATION_EVENTS, stationId).stream()
        .filter(r -> EventJson.readEnvelope(r.value()).eventType().equals(StandingFlagged.TYPE.name()))
        .map(r -> EventJson.read(r.value(), StandingFlagged.TYPE).data())
        .toList();
  }

  private String registered() {
    return (String) http().post().uri("/api/stations").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(StationRegistryIntegrationTest.beilinStation())
        .exchange().expectStatus().isCreated()
        .expectBody(Map.class).returnResult().getResponseBody().get("id");
  }

  private WebTestClient http() {
    return TestHttp.client(port, TestTokens.cityAdmin());
  }

  /** A standing as visit-service writes it: keyed by station, with the CloudEvents headers. */
  private static ProducerRecord<String, byte[]> standing(String stationId, Level level, @Nullable Level previous,
      boolean closedWhenNeeded, Instant judgedAt) {
    EventEnvelope<StandingChanged> event = EventEnvelope.of(StandingChanged.TYPE, "visit-service", stationId, judgedAt,
        changed(stationId, level, previous, closedWhenNeeded));
    return CloudEventRecords.of(Topics.UTILIZATION_EVENTS, stationId, event.eventId(), StandingChanged.TYPE.name(),
        "visit-service", judgedAt, EventJson.write(event));
  }

  private static StandingChanged changed(String stationId, Level level, @Nullable Level previous,
      boolean closedWhenNeeded) {
    LocalDate to = LocalDate.now().minusDays(1);
    boolean overloaded = level == Level.OVERLOADED;
    return new StandingChanged(stationId, "碑林区光大银行爱心驿站", "碑林区", level, previous, closedWhenNeeded,
        to.minusDays(27), to, overloaded ? 1512 : 20, overloaded ? 6.75 : 0.06, overloaded ? 2.4 : 0.1,
        overloaded ? 1.15 : 0.05, closedWhenNeeded ? 0.37 : 0.02,
        overloaded ? List.of("每座位日均 6.8 人次，是本区中位站点的 2.4 倍") : List.of(),
        overloaded ? "考虑延长开放时间、增加座位，或在附近增设站点分流" : null);
  }
}
