package io.yizhan.visit.utilization.messaging;

import io.yizhan.contracts.Topics;
import io.yizhan.support.kafka.GroupOffsets;
import io.yizhan.support.problem.ConflictException;
import io.yizhan.visit.utilization.Rebuild;
import io.yizhan.visit.utilization.RebuildLog;
import io.yizhan.visit.utilization.Rebuilds;
import io.yizhan.visit.utilization.UtilizationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.MessageListenerContainer;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Rebuilds utilization by replaying visit.events.v1 through the live counting consumer itself: stop
 * it, empty the counts and the inbox, move its group back to the topic's beginning, remember where
 * the topic ended, start it again. Records before that end are counted without announcing; what
 * arrives meanwhile waits behind them and is counted live, so nothing is missed or counted twice.
 *
 * <p>Also starts and stops the counting consumer with the application, picking up a rebuild a
 * restart interrupted, or starting one a migration asked for before anything is counted.
 */
class KafkaRebuilds implements Rebuilds, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(KafkaRebuilds.class);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

  private final MessageListenerContainer container;
  private final String group;
  private final GroupOffsets offsets;
  private final UtilizationStore store;
  private final RebuildLog rebuilds;
  private final ReplayTracker replay;
  private final Clock clock;

  KafkaRebuilds(MessageListenerContainer container, String group, Admin admin, UtilizationStore store,
      RebuildLog rebuilds, ReplayTracker replay, Clock clock) {
    this.container = container;
    this.group = group;
    this.offsets = new GroupOffsets(admin, ADMIN_TIMEOUT);
    this.store = store;
    this.rebuilds = rebuilds;
    this.replay = replay;
    this.clock = clock;
  }

  @Override
  public Mono<Rebuild> start(String requestedBy) {
    return Mono.fromCallable(() -> rebuild(requestedBy)).subscribeOn(Schedulers.boundedElastic());
  }

  @Override
  public Mono<Rebuild> latest() {
    Rebuild running = replay.current();
    return running != null ? Mono.just(running) : rebuilds.latest();
  }

  private synchronized Rebuild rebuild(String requestedBy) throws Exception {
    if (replay.current() != null) {
      throw new ConflictException("利用率正在重算中，请等待当前重算完成后再试（可查询 GET /api/utilization/rebuilds/latest）。");
    }
    container.stop();
    Instant startedAt = clock.instant();
    try {
      store.clear().block(ADMIN_TIMEOUT);
      List<TopicPartition> partitions = offsets.partitions(Topics.VISIT_EVENTS);
      Map<TopicPartition, Long> earliest = offsets.offsets(partitions, OffsetSpec.earliest());
      Map<TopicPartition, Long> latest = offsets.offsets(partitions, OffsetSpec.latest());
      Map<Integer, Long> until = new HashMap<>();
      long target = 0;
      for (TopicPartition p : partitions) {
        long records = latest.get(p) - earliest.get(p);
        if (records > 0) {
          until.put(p.partition(), latest.get(p));
          target += records;
        }
      }
      Rebuild rebuild = new Rebuild(UUID.randomUUID(), requestedBy, startedAt, null, Rebuild.State.RUNNING, until,
          target, 0, 0, 0, null);
      if (target == 0) {
        rebuild = rebuild.done(clock.instant());
      }
      rebuilds.save(rebuild).block(ADMIN_TIMEOUT);
      offsets.move(group, earliest);
      if (rebuild.state() == Rebuild.State.RUNNING) {
        replay.follow(rebuild, Map.of());
      }
      log.info("Rebuilding utilization from {}: {} records to replay", Topics.VISIT_EVENTS, target);
      return rebuild;
    } catch (Exception e) {
      String why = "重算未能开始（" + (e.getCause() != null ? e.getCause() : e) + "）。利用率数据可能不完整："
          + "请确认 Kafka 可用、只有一个 visit-service 实例在运行（消费组需为空才能回到起点），然后重试。";
      Rebuild failed = new Rebuild(UUID.randomUUID(), requestedBy, startedAt, null, Rebuild.State.RUNNING, Map.of(),
          0, 0, 0, 0, null).failed(clock.instant(), why);
      rebuilds.save(failed).onErrorComplete().block(ADMIN_TIMEOUT);
      log.warn("Utilization rebuild could not start", e);
      // A problem detail that says what to do, not a 500.
      throw new ConflictException(why);
    } finally {
      container.start();
    }
  }

  // --- lifecycle of the counting consumer ---

  @Override
  public void start() {
    String requested = rebuilds.requested().blockOptional(ADMIN_TIMEOUT).orElse(null);
    if (requested != null) {
      try {
        rebuild(requested);
      } catch (Exception e) {
        // rebuild() has saved why and started the consumer: counting goes on, on the old counts,
        // and the request stays for the next start (or an operator's rebuild).
        log.error("The utilization rebuild asked for by {} did not start; restart visit-service or start one with "
            + "POST /api/utilization/rebuilds", requested, e);
        return;
      }
      rebuilds.begun(requested).block(ADMIN_TIMEOUT);
      return;
    }
    rebuilds.latest()
        .filter(r -> r.state() == Rebuild.State.RUNNING)
        .blockOptional(ADMIN_TIMEOUT)
        .ifPresent(interrupted -> {
          log.info("Resuming utilization rebuild {} interrupted by a restart", interrupted.id());
          replay.follow(interrupted, committedOffsets());
        });
    container.start();
  }

  private Map<Integer, Long> committedOffsets() {
    try {
      return offsets.committed(group, Topics.VISIT_EVENTS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new IllegalStateException("Could not read the offsets of " + group, e);
    }
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
