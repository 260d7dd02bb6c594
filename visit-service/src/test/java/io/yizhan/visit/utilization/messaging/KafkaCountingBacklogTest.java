package io.yizhan.visit.utilization.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yizhan.support.problem.UnavailableException;
import io.yizhan.testkit.Infrastructure;
import io.yizhan.testkit.TopicProbe;
import io.yizhan.visit.utilization.CountingBacklog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The group's lag as the test broker tells it, and the pace between two measurements. */
class KafkaCountingBacklogTest {

  static Admin admin;
  final TopicProbe kafka = TopicProbe.onTestBroker();
  final String topic = "counting-backlog-" + UUID.randomUUID();
  final String group = "counting-backlog-test";
  final MovableClock clock = new MovableClock();

  @BeforeAll
  static void connect() {
    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers()));
  }

  @AfterAll
  static void disconnect() {
    admin.close();
  }

  @Test
  void waiting_is_every_record_past_the_groups_offsets_and_the_pace_is_measured_between_two_looks() throws Exception {
    admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
    for (int i = 0; i < 100; i++) {
      kafka.send(topic, null, ("visit " + i).getBytes());
    }
    KafkaCountingBacklog backlog = new KafkaCountingBacklog(admin, topic, group, clock);

    // The group has committed nothing yet: it starts from the beginning, so all 100 wait.
    CountingBacklog first = backlog.backlog().block();
    assertThat(first.waiting()).isEqualTo(100);
    assertThat(first.countedPerSecond()).as("no look before this one").isNull();

    // 60 counted over the next ten seconds.
    long onFirst = Math.min(endOffset(0), 60);
    commit(Map.of(0, onFirst, 1, 60 - onFirst));
    clock.advance(Duration.ofSeconds(10));
    CountingBacklog second = await(backlog, b -> b.waiting() != 100);
    assertThat(second.waiting()).isEqualTo(40);
    assertThat(second.countedPerSecond()).isEqualTo(6);
    assertThat(second.shrinkingPerSecond()).isEqualTo(6);

    // A rebuild moves the group back to the beginning: no pace across it.
    commit(Map.of(0, 0L, 1, 0L));
    clock.advance(Duration.ofSeconds(10));
    CountingBacklog third = await(backlog, b -> b.waiting() == 100);
    assertThat(third.countedPerSecond()).isNull();
    assertThat(third.shrinkingPerSecond()).isNull();
  }

  @Test
  void a_broker_that_does_not_answer_is_an_unavailable_problem_that_says_what_to_do() {
    try (Admin nowhere = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1",
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000))) {
      assertThatThrownBy(() -> new KafkaCountingBacklog(nowhere, topic, group, clock).backlog().block())
          .isInstanceOf(UnavailableException.class)
          .hasMessageContaining("暂时无法确认").hasMessageContaining("请稍后刷新");
    }
  }

  long endOffset(int partition) throws Exception {
    return admin.listOffsets(Map.of(new TopicPartition(topic, partition),
        org.apache.kafka.clients.admin.OffsetSpec.latest())).all().get().get(new TopicPartition(topic, partition)).offset();
  }

  void commit(Map<Integer, Long> offsets) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> target = new java.util.HashMap<>();
    offsets.forEach((p, o) -> target.put(new TopicPartition(topic, p), new OffsetAndMetadata(o)));
    admin.alterConsumerGroupOffsets(group, target).all().get();
  }

  /** The next measurement that {@code test} accepts: one is kept for two seconds. */
  static CountingBacklog await(KafkaCountingBacklog backlog, Predicate<CountingBacklog> test) {
    return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
        .until(() -> backlog.backlog().block(), test);
  }

  /** The measurements' own time, moved by the test; the cache's stays real. */
  static final class MovableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-12-05T03:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
