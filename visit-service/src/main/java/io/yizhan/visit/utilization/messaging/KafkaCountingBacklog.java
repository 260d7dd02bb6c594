package io.yizhan.visit.utilization.messaging;

import io.yizhan.support.problem.UnavailableException;
import io.yizhan.visit.utilization.CountingBacklog;
import io.yizhan.visit.utilization.CountingProgress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The counting consumer group's lag on its topic (visit.events.v1), as the broker knows it: for each partition,
 * its end offset less the offset the group committed (its beginning where the group committed none,
 * as the consumer starts from the earliest). Visits are produced without transactions, so offsets
 * count records. Asking the broker rather than the consumer's own metrics gives the whole group's
 * lag, whichever instance holds which partitions.
 */
class KafkaCountingBacklog implements CountingProgress {

  /** How long one measurement answers everyone who asks. */
  private static final Duration MEASURED_EVERY = Duration.ofSeconds(2);
  /** A pace over a longer stretch than this says little about now. */
  private static final Duration PACE_OVER_AT_MOST = Duration.ofMinutes(1);
  private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(5);

  private final Admin admin;
  private final String topic;
  private final String group;
  private final Clock clock;
  private final AtomicReference<@Nullable Sample> previous = new AtomicReference<>();
  private final Mono<CountingBacklog> shared;

  KafkaCountingBacklog(Admin admin, String topic, String group, Clock clock) {
    this.admin = admin;
    this.topic = topic;
    this.group = group;
    this.clock = clock;
    // One measurement in flight at a time, kept for a while; a failure is not kept.
    this.shared = Mono.defer(this::measure)
        .cache(backlog -> MEASURED_EVERY, failure -> Duration.ZERO, () -> Duration.ZERO);
  }

  @Override
  public Mono<CountingBacklog> backlog() {
    return shared;
  }

  private Mono<CountingBacklog> measure() {
    return from(admin.describeTopics(List.of(topic)).allTopicNames())
        .map(topics -> topics.get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList())
        .flatMap(partitions -> Mono.zip(
            offsets(partitions, OffsetSpec.earliest()),
            offsets(partitions, OffsetSpec.latest()),
            from(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()))
            .map(o -> sample(partitions, o.getT1(), o.getT2(), o.getT3())))
        .timeout(BROKER_TIMEOUT)
        .map(this::paced)
        .onErrorMap(failure -> !(failure instanceof UnavailableException), failure -> new UnavailableException(
            "暂时无法确认利用率的统计进度：消息队列（Kafka）没有应答。数字本身仍可查看，请稍后刷新本页。",
            Duration.ofSeconds(10), failure));
  }

  private Mono<Map<TopicPartition, Long>> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
    return from(admin.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec))).all())
        .map(result -> result.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset())));
  }

  private Sample sample(List<TopicPartition> partitions, Map<TopicPartition, Long> earliest,
      Map<TopicPartition, Long> latest, Map<TopicPartition, OffsetAndMetadata> committed) {
    long waiting = 0;
    long counted = 0;
    for (TopicPartition p : partitions) {
      OffsetAndMetadata at = committed.get(p);
      long from = at == null ? earliest.get(p) : Math.max(at.offset(), earliest.get(p));
      waiting += Math.max(0, latest.get(p) - from);
      counted += from;
    }
    return new Sample(waiting, counted, clock.instant());
  }

  /** The sample with the pace since the one before it, when that one is recent enough to tell. */
  private CountingBacklog paced(Sample now) {
    Sample before = previous.getAndSet(now);
    Long countedPerSecond = null;
    Long shrinkingPerSecond = null;
    if (before != null) {
      Duration between = Duration.between(before.at(), now.at());
      if (between.compareTo(Duration.ofSeconds(1)) >= 0 && between.compareTo(PACE_OVER_AT_MOST) <= 0) {
        double seconds = between.toMillis() / 1000.0;
        long counted = now.counted() - before.counted();
        // A rebuild moves the group back to the beginning: no pace across it.
        countedPerSecond = counted >= 0 ? Math.round(counted / seconds) : null;
        shrinkingPerSecond = counted >= 0 ? Math.round((before.waiting() - now.waiting()) / seconds) : null;
      }
    }
    return new CountingBacklog(now.waiting(), countedPerSecond, shrinkingPerSecond, now.at());
  }

  private static <T> Mono<T> from(KafkaFuture<T> future) {
    return Mono.fromCompletionStage(future.toCompletionStage());
  }

  private record Sample(long waiting, long counted, Instant at) {}
}
