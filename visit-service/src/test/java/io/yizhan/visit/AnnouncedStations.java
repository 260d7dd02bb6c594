package io.yizhan.visit;

import static org.awaitility.Awaitility.await;

import io.yizhan.contracts.Topics;
import io.yizhan.testkit.EventFixtures;
import io.yizhan.testkit.TopicProbe;
import java.time.Duration;
import java.util.UUID;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Stations announced the way station-service announces them, for tests that check in at them. */
public final class AnnouncedStations {

  /** Announces a new station and waits until visit-service knows it (its utilization answers). */
  public static String registered(WebTestClient http, TopicProbe kafka, String name, String district) {
    String id = UUID.randomUUID().toString();
    kafka.send(Topics.STATION_EVENTS, id, EventFixtures.stationRegistered(id, name, district));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        http.get().uri("/api/utilization/stations/{id}", id).exchange().expectStatus().isOk());
    return id;
  }

  private AnnouncedStations() {}
}
