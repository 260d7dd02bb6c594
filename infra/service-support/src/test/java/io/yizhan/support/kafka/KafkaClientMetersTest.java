package io.yizhan.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class KafkaClientMetersTest {

  private final MeterRegistry registry = new SimpleMeterRegistry();

  KafkaClientMetersTest() {
    registry.config().meterFilter(KafkaClientMeters.withoutUnderscoreTopicCopies());
  }

  private void gauge(String name, String topic) {
    Gauge.builder(name, () -> 1.0).tag("topic", topic).tag("partition", "0").register(registry);
  }

  @Test
  void a_partitions_lag_is_kept_once_under_the_topics_own_name() {
    gauge("kafka.consumer.fetch.manager.records.lag", "visit.events.v1");
    gauge("kafka.consumer.fetch.manager.records.lag", "visit_events_v1");

    assertThat(registry.find("kafka.consumer.fetch.manager.records.lag").meters())
        .singleElement().satisfies(meter -> assertThat(meter.getId().getTag("topic")).isEqualTo("visit.events.v1"));
  }

  @Test
  void other_meters_and_topics_without_dots_are_left_alone() {
    gauge("yizhan.events.dead.lettered", "visit_events_v1");
    gauge("kafka.consumer.fetch.manager.records.lag", "visits");
    Gauge.builder("kafka.consumer.fetch.manager.records.lag.max", () -> 1.0).register(registry);

    assertThat(registry.getMeters()).hasSize(3);
  }
}
