package io.yizhan.visit.utilization.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.visit.utilization.Rebuild;
import io.yizhan.visit.utilization.UtilizationStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class ReplayTrackerTest {

  final InMemoryRebuildLog log = new InMemoryRebuildLog();
  final List<Rebuild> saved = log.saved;
  int announcedAtTheEnd;
  final ReplayTracker tracker = new ReplayTracker(log, () -> Mono.fromSupplier(() -> ++announcedAtTheEnd),
      Clock.systemUTC());

  static Rebuild running(Map<Integer, Long> until, long target) {
    return new Rebuild(UUID.randomUUID(), "测试", Instant.now(), null, Rebuild.State.RUNNING, until, target, 0, 0, 0,
        null);
  }

  static List<ConsumerRecord<String, byte[]>> records(int partition, long from, long to) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    for (long o = from; o < to; o++) {
      records.add(new ConsumerRecord<>("visit.events.v1", partition, o, "k", new byte[0]));
    }
    return records;
  }

  @Test
  void records_before_the_end_offsets_are_replay_and_the_rebuild_ends_when_every_partition_got_there() {
    tracker.follow(running(Map.of(0, 3L, 1, 2L), 5), Map.of());
    assertThat(tracker.isReplay(0, 2)).isTrue();
    assertThat(tracker.isReplay(0, 3)).isFalse();
    assertThat(tracker.isReplay(5, 0)).as("a partition with nothing to replay").isFalse();

    tracker.progressed(records(0, 0, 4), new UtilizationStore.Counted(3, 0));
    assertThat(tracker.current()).isNotNull();
    assertThat(tracker.current().replayed()).isEqualTo(3);

    assertThat(announcedAtTheEnd).isZero();
    tracker.progressed(records(1, 0, 2), new UtilizationStore.Counted(1, 1));
    assertThat(tracker.current()).isNull();
    assertThat(announcedAtTheEnd).as("what the replay changed is marked once, at its end").isEqualTo(1);
    Rebuild done = saved.get(saved.size() - 1);
    assertThat(done.state()).isEqualTo(Rebuild.State.DONE);
    assertThat(done.replayed()).isEqualTo(5);
    assertThat(done.counted()).isEqualTo(4);
    assertThat(done.duplicates()).isEqualTo(1);
    assertThat(tracker.isReplay(0, 0)).as("after the end, everything is live").isFalse();
  }

  @Test
  void a_rebuild_resumed_after_a_restart_counts_partitions_already_replayed_as_done() {
    // Partition 0 was replayed to its end before the restart; partition 1 got to offset 4 of 6.
    tracker.follow(running(Map.of(0, 10L, 1, 6L), 16), Map.of(0, 10L, 1, 4L));
    tracker.progressed(records(1, 4, 6), new UtilizationStore.Counted(2, 0));
    assertThat(tracker.current()).isNull();
    assertThat(saved.get(saved.size() - 1).state()).isEqualTo(Rebuild.State.DONE);
  }

  @Test
  void a_resumed_rebuild_takes_what_it_replayed_from_its_offsets_not_its_last_saved_progress() {
    // Progress was last saved at 5 records; the group had committed 8 of 10 on partition 0 and 4 of 6 on 1.
    Rebuild interrupted = running(Map.of(0, 10L, 1, 6L), 16).progressed(5, 5, 0);
    tracker.follow(interrupted, Map.of(0, 8L, 1, 4L));
    assertThat(tracker.current().replayed()).isEqualTo(12);
    assertThat(tracker.current().progress()).isEqualTo(0.75);

    tracker.progressed(records(0, 8, 10), new UtilizationStore.Counted(2, 0));
    tracker.progressed(records(1, 4, 6), new UtilizationStore.Counted(2, 0));
    Rebuild done = saved.get(saved.size() - 1);
    assertThat(done.state()).isEqualTo(Rebuild.State.DONE);
    assertThat(done.replayed()).isEqualTo(16);
    assertThat(done.progress()).isEqualTo(1.0);
  }
}
