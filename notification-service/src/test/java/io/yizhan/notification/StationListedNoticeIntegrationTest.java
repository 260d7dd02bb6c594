package io.yizhan.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.yizhan.contracts.Topics;
import io.yizhan.testkit.EventFixtures;
import io.yizhan.testkit.TestHttp;
import io.yizhan.testkit.TestTokens;
import io.yizhan.testkit.TopicProbe;
import io.yizhan.testkit.YizhanIntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@YizhanIntegrationTest
class StationListedNoticeIntegrationTest {

  @LocalServerPort int port;
  @Autowired DatabaseClient db;
  WebTestClient http;
  final TopicProbe kafka = TopicProbe.onTestBroker();

  @BeforeEach
  void client() {
    http = TestHttp.client(port, TestTokens.cityAdmin());
  }

  @Test
  void the_manager_of_a_listed_station_gets_one_notice_even_when_the_event_comes_twice() {
    String station = UUID.randomUUID().toString();
    byte[] registered = registered(station);
    kafka.send(Topics.STATION_EVENTS, station, registered);
    kafka.send(Topics.STATION_EVENTS, station, registered);
    // A later event on the same partition: once its notice exists, the duplicate was handled too.
    String later = UUID.randomUUID().toString();
    kafka.send(Topics.STATION_EVENTS, station, registered(later));
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
        http.get().uri("/api/notifications?stationId={id}", later).exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1));

    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
        http.get().uri("/api/notifications?stationId={id}", station).exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.length()").isEqualTo(1)
            .jsonPath("$[0].recipientRole").isEqualTo("STATION_MANAGER")
            .jsonPath("$[0].recipientName").isEqualTo("王丽")
            .jsonPath("$[0].subject").isEqualTo("站点已上线：碑林区光大银行爱心驿站"));
    // Whom it was for, not their phone number (ADR 21): nothing reads it, so nothing keeps it.
    assertThat(db.sql("SELECT count(*) AS n FROM notices WHERE station_id = CAST(:id AS uuid) AND recipient_contact IS NULL")
        .bind("id", station).map(row -> row.get("n", Long.class)).one().block()).isEqualTo(1L);
  }

  static byte[] registered(String station) {
    return EventFixtures.stationRegistered(station, "碑林区光大银行爱心驿站", "碑林区");
  }


  @Test
  void notices_name_people_so_reading_them_needs_a_signed_in_caller() {
    TestHttp.client(port).get().uri("/api/notifications?stationId={id}", UUID.randomUUID()).exchange()
        .expectStatus().isUnauthorized()
        .expectBody().jsonPath("$.type").isEqualTo("urn:yizhan:problem:unauthorized");
  }

  @Test
  void asking_without_a_station_says_what_to_send() {
    http.get().uri("/api/notifications").exchange()
        .expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("stationId");
  }
}
