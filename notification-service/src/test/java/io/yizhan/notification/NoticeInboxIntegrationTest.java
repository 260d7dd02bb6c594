package io.yizhan.notification;

import static io.yizhan.notification.StandingFlaggedNoticeIntegrationTest.flagged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.yizhan.contracts.Topics;
import io.yizhan.contracts.access.Role;
import io.yizhan.issuer.Grant;
import io.yizhan.contracts.station.StandingFlagged.Flag;
import io.yizhan.contracts.utilization.StandingChanged.Level;
import io.yizhan.testkit.TestHttp;
import io.yizhan.testkit.TestTokens;
import io.yizhan.testkit.TopicProbe;
import io.yizhan.testkit.YizhanIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;

@YizhanIntegrationTest
class NoticeInboxIntegrationTest {

  @LocalServerPort int port;
  final TopicProbe kafka = TopicProbe.onTestBroker();

  @Test
  void each_reader_sees_the_notices_about_what_they_answer_for_newest_first_a_page_at_a_time() {
    // Districts of this test alone: the broker, and so the notices, are shared with other classes.
    String district = "收件区" + UUID.randomUUID().toString().substring(0, 6);
    String otherDistrict = "别区" + UUID.randomUUID().toString().substring(0, 6);
    String mine = UUID.randomUUID().toString();
    String neighbour = UUID.randomUUID().toString();
    String elsewhere = UUID.randomUUID().toString();
    // Two flags for the manager's station, one for another station of the district, one elsewhere;
    // each tells the manager and the regional head.
    kafka.send(Topics.STATION_EVENTS, mine, flagged(mine, district, Flag.OVERLOADED, Level.OVERLOADED, 0.1,
        List.of("超过座位的接待能力"), null));
    kafka.send(Topics.STATION_EVENTS, mine, flagged(mine, district, Flag.CLOSED_WHEN_NEEDED, Level.OVERLOADED, 0.4,
        List.of(), null));
    kafka.send(Topics.STATION_EVENTS, neighbour, flagged(neighbour, district, Flag.UNDERUSED, Level.UNDERUSED, 0.1,
        List.of("日均仅 0.2 人次"), null));
    kafka.send(Topics.STATION_EVENTS, elsewhere, flagged(elsewhere, otherDistrict, Flag.UNDERUSED, Level.UNDERUSED, 0.1,
        List.of("日均仅 0.2 人次"), null));
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
        assertThat(inbox(TestTokens.cityAdmin(), null, 500).get("notices")).asList()
            .filteredOn(n -> List.of(mine, neighbour, elsewhere).contains(((Map<?, ?>) n).get("stationId"))).hasSize(8));

    // The manager: their station's four, and the district each carries for the dashboard's link.
    List<Map<?, ?>> managers = notices(inbox(TestTokens.stationManager(mine), null, 50));
    assertThat(managers).hasSize(4).allSatisfy(n -> {
      assertThat(n.get("stationId")).isEqualTo(mine);
      assertThat(n.get("district")).isEqualTo(district);
    });
    assertThat(managers).extracting(n -> Instant.parse((String) n.get("createdAt")))
        .isSortedAccordingTo((a, b) -> b.compareTo(a));

    // The district's union: its six, two to a page, none twice, none left out.
    List<Object> paged = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      Map<String, Object> page = inbox(TestTokens.districtAdmin(district), after, 2);
      notices(page).forEach(n -> paged.add(n.get("id")));
      after = (String) page.get("next");
      pages++;
    } while (after != null && pages < 10);
    assertThat(paged).hasSize(6).doesNotHaveDuplicates();
    assertThat(notices(inbox(TestTokens.districtAdmin(otherDistrict), null, 50))).hasSize(2)
        .allSatisfy(n -> assertThat(n.get("stationId")).isEqualTo(elsewhere));

    // Nothing for a role that is told nothing, and a page position that is not one says so.
    TestHttp.client(port, TestTokens.ops()).get().uri("/api/notifications/inbox").exchange()
        .expectStatus().isForbidden()
        .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("没有可看的通知"));
    TestHttp.client(port, TestTokens.cityAdmin()).get().uri("/api/notifications/inbox?after=yesterday").exchange()
        .expectStatus().isBadRequest()
        .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("上一页答复中的 next"));
    TestHttp.client(port).get().uri("/api/notifications/inbox").exchange().expectStatus().isUnauthorized();
  }

  @Test
  void what_a_reader_was_shown_stays_seen_on_every_device_and_only_newer_notices_are_new() {
    String district = "已读区" + UUID.randomUUID().toString().substring(0, 6);
    String station = UUID.randomUUID().toString();
    // Readers of this test alone: marks are kept by the token's subject.
    String manager = TestTokens.bearer(new Grant("manager-" + UUID.randomUUID(), Set.of(Role.STATION_MANAGER), null,
        List.of(station), "站点管理员 王丽"));
    String union = TestTokens.bearer(new Grant("union-" + UUID.randomUUID(), Set.of(Role.DISTRICT_ADMIN), district,
        List.of(), district + "工会"));
    // One flag tells the manager and the regional head: two notices about the station.
    kafka.send(Topics.STATION_EVENTS, station, flagged(station, district, Flag.UNDERUSED, Level.UNDERUSED, 0.1,
        List.of("日均仅 0.2 人次"), null));
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
        .untilAsserted(() -> assertThat(unseen(manager)).containsEntry("unseen", 2).doesNotContainKey("seenUpTo"));

    String newest = (String) notices(inbox(manager, null, 50)).get(0).get("createdAt");
    assertThat(markSeen(manager, newest)).containsEntry("seenUpTo", newest);
    assertThat(unseen(manager)).containsEntry("unseen", 0).containsEntry("more", false).containsEntry("seenUpTo", newest);
    // The district's union has not looked: its own mark, its own count.
    assertThat(unseen(union)).containsEntry("unseen", 2);
    // An older page marked later (another device, behind) does not move the mark back...
    assertThat(markSeen(manager, "2020-01-01T00:00:00Z")).containsEntry("seenUpTo", newest);
    // ...and a notice written after it is new.
    kafka.send(Topics.STATION_EVENTS, station, flagged(station, district, Flag.CLOSED_WHEN_NEEDED, Level.UNDERUSED, 0.5,
        List.of(), null));
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
        .untilAsserted(() -> assertThat(unseen(manager)).containsEntry("unseen", 2));
    // A time ahead of the clock stops at now: notices still to come stay new.
    Instant before = Instant.now();
    Instant marked = Instant.parse((String) markSeen(manager, "2099-01-01T00:00:00Z").get("seenUpTo"));
    assertThat(marked).isBetween(before, Instant.now());

    TestHttp.client(port, manager).put().uri("/api/notifications/inbox/seen").bodyValue(Map.of()).exchange()
        .expectStatus().isBadRequest()
        .expectBody().jsonPath("$.detail").exists();
    TestHttp.client(port, TestTokens.ops()).get().uri("/api/notifications/inbox/unseen").exchange()
        .expectStatus().isForbidden();
    TestHttp.client(port, TestTokens.ops()).put().uri("/api/notifications/inbox/seen")
        .bodyValue(Map.of("upTo", newest)).exchange()
        .expectStatus().isForbidden();
  }

  private Map<String, Object> unseen(String token) {
    return TestHttp.client(port, token).get().uri("/api/notifications/inbox/unseen").exchange()
        .expectStatus().isOk()
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {}).returnResult().getResponseBody();
  }

  private Map<String, Object> markSeen(String token, String upTo) {
    return TestHttp.client(port, token).put().uri("/api/notifications/inbox/seen").bodyValue(Map.of("upTo", upTo))
        .exchange()
        .expectStatus().isOk()
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {}).returnResult().getResponseBody();
  }

  private Map<String, Object> inbox(String token, @Nullable String after, int limit) {
    return TestHttp.client(port, token).get()
        .uri(b -> b.path("/api/notifications/inbox").queryParamIfPresent("after", Optional.ofNullable(after))
            .queryParam("limit", limit).build())
        .exchange()
        .expectStatus().isOk()
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {}).returnResult().getResponseBody();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<?, ?>> notices(Map<String, Object> page) {
    return (List<Map<?, ?>>) page.get("notices");
  }
}
