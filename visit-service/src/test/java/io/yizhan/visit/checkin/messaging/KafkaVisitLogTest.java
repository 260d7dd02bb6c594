package io.yizhan.visit.checkin.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yizhan.contracts.Topics;
import io.yizhan.contracts.visit.ServiceUsed;
import io.yizhan.contracts.visit.VisitChannel;
import io.yizhan.contracts.visit.WorkerType;
import io.yizhan.support.problem.UnavailableException;
import io.yizhan.testkit.Infrastructure;
import io.yizhan.testkit.TopicProbe;
import io.yizhan.visit.checkin.Visit;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** When the broker does not answer, a check-in is refused quickly with what to do, never stored half. */
class KafkaVisitLogTest {

  @Test
  void a_broker_that_does_not_answer_makes_the_append_fail_as_unavailable_within_the_timeout() throws Exception {
    int deadPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      deadPort = socket.getLocalPort();   // free now, nobody listens once closed
    }
    var producers = new DefaultKafkaProducerFactory<String, byte[]>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + deadPort,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    KafkaVisitLog log = new KafkaVisitLog(new KafkaTemplate<>(producers), Clock.systemUTC(), Duration.ofSeconds(2));
    Visit visit = new Visit("v-" + UUID.randomUUID(), UUID.randomUUID(), Instant.now(), WorkerType.COURIER,
        List.of(ServiceUsed.WATER), VisitChannel.QR_CHECK_IN, null, true);

    long started = System.nanoTime();
    assertThatThrownBy(() -> log.append(List.of(visit)).block(Duration.ofSeconds(30)))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("稍后")
        .satisfies(e -> assertThat(((UnavailableException) e).retryAfter()).isPositive());
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    producers.destroy();
  }

  /** The ids it answers are those of the records in the log: what the restorer matches (ADR 13). */
  @Test
  void an_append_answers_with_the_ids_of_the_events_it_wrote_in_the_visits_order() {
    var producers = new DefaultKafkaProducerFactory<String, byte[]>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    KafkaVisitLog log = new KafkaVisitLog(new KafkaTemplate<>(producers), Clock.systemUTC(), Duration.ofSeconds(10));
    String run = "log-ids-" + UUID.randomUUID();
    List<Visit> visits = List.of(visitWithId(run + "-b"), visitWithId(run + "-a"));

    List<UUID> eventIds = log.append(visits).block(Duration.ofSeconds(30));

    assertThat(eventIds).containsExactly(visits.get(0).eventId(), visits.get(1).eventId());
    assertThat(TopicProbe.onTestBroker().recordsContaining(Topics.VISIT_EVENTS, run))
        .extracting(r -> UUID.fromString(TopicProbe.header(r, "ce_id")))
        .containsExactlyInAnyOrderElementsOf(eventIds);
    producers.destroy();
  }

  @Test
  void the_same_visit_always_gets_the_same_event_id_so_a_second_append_is_applied_once() {
    assertThat(eventIdOf("district-42")).isEqualTo(eventIdOf("district-42")).isNotEqualTo(eventIdOf("district-43"));
  }

  static UUID eventIdOf(String visitId) {
    return visitWithId(visitId).eventId();
  }

  static Visit visitWithId(String visitId) {
    return new Visit(visitId, UUID.randomUUID(), Instant.now(), WorkerType.COURIER, List.of(ServiceUsed.WATER),
        VisitChannel.QR_CHECK_IN, null, true);
  }
}
