package io.yizhan.visit.checkin.messaging;

import io.micrometer.core.instrument.Counter;
import io.yizhan.contracts.Topics;
import io.yizhan.support.kafka.GroupOffsets;
import io.yizhan.support.problem.ConflictException;
import io.yizhan.support.problem.UnavailableException;
import io.yizhan.visit.checkin.Restoration;
import io.yizhan.visit.checkin.Restorations;
import io.yizhan.visit.checkin.Visits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.MessageListenerContainer;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A restoration moves the restoring consumer's group back to the offsets at a time and lets it
 * read forward again: it stores what the table lacks and skips the rest, as it always does. Like a
 * rebuild, only an empty group can be moved: with several instances of visit-service running, the
 * others must be stopped first. Also starts and stops the restoring consumer with the application.
 */
class KafkaVisitRestorations implements Restorations, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(KafkaVisitRestorations.class);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

  private final MessageListenerContainer container;
  private final Visits visits;
  private final String group;
  private final GroupOffsets offsets;
  private final Counter restored;
  private final Clock clock;
  private final AtomicReference<@Nullable Asked> latest = new AtomicReference<>();

  /** What was asked, where each partition was read again from and up to, and the restored count then. */
  private record Asked(Instant since, String requestedBy, Instant requestedAt, Map<Integer, Long> from,
      Map<Integer, Long> until, double restoredBefore) {}

  KafkaVisitRestorations(MessageListenerContainer container, Visits visits, String group, Admin admin, Counter restored,
      Clock clock) {
    this.container = container;
    this.visits = visits;
    this.group = group;
    this.offsets = new GroupOffsets(admin, ADMIN_TIMEOUT);
    this.restored = restored;
    this.clock = clock;
  }

  @Override
  public Mono<Restoration> start(Instant since, String requestedBy) {
    return Mono.fromCallable(() -> restore(since, requestedBy)).subscribeOn(Schedulers.boundedElastic())
        .then(latest());
  }

  private synchronized Asked restore(Instant since, String requestedBy) throws Exception {
    container.stop();
    try {
      // Read again, a visit this instance committed before the restore is asked about like any other.
      visits.forgetCommittedHere();
      List<TopicPartition> partitions = offsets.partitions(Topics.VISIT_EVENTS);
      Map<TopicPartition, Long> at = offsets.offsets(partitions, OffsetSpec.forTimestamp(since.toEpochMilli()));
      Map<TopicPartition, Long> end = offsets.offsets(partitions, OffsetSpec.latest());
      Map<TopicPartition, Long> moveTo = new HashMap<>();
      Map<Integer, Long> from = new HashMap<>();
      Map<Integer, Long> until = new HashMap<>();
      for (TopicPartition p : partitions) {
        // -1: nothing written to this partition since then.
        long start = at.get(p) < 0 ? end.get(p) : at.get(p);
        moveTo.put(p, start);
        from.put(p.partition(), start);
        until.put(p.partition(), end.get(p));
      }
      Asked asked = new Asked(since, requestedBy, clock.instant(), from, until, restored.count());
      offsets.move(group, moveTo);
      latest.set(asked);
      log.info("Reading {} again from {} for visits the table lacks, asked by {}: {} records", Topics.VISIT_EVENTS,
          since, requestedBy, toRead(asked));
      return asked;
    } catch (Exception e) {
      log.warn("A restoration of visits could not start", e);
      throw new ConflictException("未能开始补回到访（" + (e.getCause() != null ? e.getCause() : e) + "）：请确认 Kafka "
          + "可用、只有一个 visit-service 实例在运行（消费组需为空才能回到过去的位置），然后重试。");
    } finally {
      container.start();
    }
  }

  @Override
  public Mono<Restoration> latest() {
    return Mono.defer(() -> Mono.justOrEmpty(latest.get()))
        .flatMap(asked -> Mono.fromCallable(() -> offsets.committed(group, Topics.VISIT_EVENTS))
            .subscribeOn(Schedulers.boundedElastic())
            .map(committed -> {
              long read = 0;
              for (Map.Entry<Integer, Long> p : asked.from().entrySet()) {
                long at = committed.getOrDefault(p.getKey(), p.getValue());
                read += Math.max(0, Math.min(at, asked.until().get(p.getKey())) - p.getValue());
              }
              return new Restoration(asked.since(), asked.requestedBy(), asked.requestedAt(), toRead(asked), read,
                  Math.round(restored.count() - asked.restoredBefore()));
            })
            .onErrorMap(failure -> new UnavailableException("暂时无法确认补回的进度：消息队列（Kafka）没有应答。补回仍在进行，"
                + "请稍后再查。", Duration.ofSeconds(10), failure)));
  }

  private static long toRead(Asked asked) {
    return asked.from().entrySet().stream().mapToLong(p -> asked.until().get(p.getKey()) - p.getValue()).sum();
  }

  @Override
  public void start() {
    container.start();
  }

  @Override
  public void stop() {
    container.stop();
  }

  @Override
  public boolean isRunning() {
    return container.isRunning();
  }
}
