package io.yizhan.notification;

import static org.awaitility.Awaitility.await;

import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.EventJson;
import io.yizhan.contracts.Topics;
import io.yizhan.contracts.maintenance.MaintenanceOverdue;
import io.yizhan.contracts.maintenance.MaintenanceOverdue.Tier;
import io.yizhan.contracts.station.Contact;
import io.yizhan.testkit.TestHttp;
import io.yizhan.testkit.TestTokens;
import io.yizhan.testkit.TopicProbe;
import io.yizhan.testkit.YizhanIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

@YizhanIntegrationTest
class MaintenanceOverdueNoticeIntegrationTest {

  @LocalServerPort int port;
  final TopicProbe kafka = TopicProbe.onTestBroker();

  @Test
  void each_tier_an_overdue_task_reaches_is_told_once_in_its_own_words() {
    WebTestClient http = TestHttp.client(port, TestTokens.cityAdmin());
    String station = UUID.randomUUID().toString();
    byte[] toManager = overdue(station, 1, Tier.STATION_MANAGER, new Contact("王丽", "029-87654321"));
    kafka.send(Topics.STATION_EVENTS, station, toManager);
    kafka.send(Topics.STATION_EVENTS, station, toManager);
    kafka.send(Topics.STATION_EVENTS, station, overdue(station, 9, Tier.REGIONAL_HEAD, new Contact("李强", "029-87650000")));

    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
        http.get().uri("/api/notifications?stationId={id}", station).exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.length()").isEqualTo(2)
            .jsonPath("$[?(@.recipientRole == 'REGIONAL_HEAD')].recipientName").isEqualTo("李强")
            .jsonPath("$[?(@.recipientRole == 'REGIONAL_HEAD')].body").value(body ->
                org.assertj.core.api.Assertions.assertThat(body.toString()).contains("已逾期 9 天", "请督促落实"))
            .jsonPath("$[?(@.recipientRole == 'STATION_MANAGER')].subject").isEqualTo("维护逾期：碑林区光大银行爱心驿站 · 环境清洁"));
  }

  private static byte[] overdue(String station, int days, Tier tier, Contact contact) {
    Instant due = Instant.parse("2026-11-18T02:00:00Z");
    return EventJson.write(EventEnvelope.of(MaintenanceOverdue.TYPE, "station-service", station,
        due.plus(Duration.ofDays(days)),
        new MaintenanceOverdue(station, "碑林区光大银行爱心驿站", "碑林区", "CLEANING", "环境清洁", due, null, days, tier,
            contact)));
  }
}
