package io.yizhan.visit.utilization.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.EventJson;
import io.yizhan.contracts.Topics;
import io.yizhan.contracts.visit.ServiceUsed;
import io.yizhan.contracts.visit.VisitChannel;
import io.yizhan.contracts.visit.VisitRecorded;
import io.yizhan.contracts.visit.WorkerType;
import io.yizhan.support.kafka.BatchConsumers;
import io.yizhan.support.kafka.DeadLetters;
import io.yizhan.visit.utilization.CountedVisit;
import io.yizhan.visit.utilization.UtilizationStore;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** How a poll is split into lanes and slices; the counting itself is tested against PostgreSQL. */
class VisitCountingListenerTest {

  static final Instant AT = Instant.parse("2026-11-30T02:30:00Z");

  final List<List<CountedVisit>> slices = Collections.synchronizedList(new ArrayList<>());
  final Set<UUID> stationsBeingCounted = ConcurrentHashMap.newKeySet();
  final List<UUID> countedByTwoAtOnce = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger countingNow = new AtomicInteger();
  final AtomicInteger mostAtOnce = new AtomicInteger();
  VisitCountingListener listener;

  @Test
  void a_large_poll_is_counted_in_slices_of_at_most_a_thousand_in_two_lanes_that_never_share_a_station() {
    listener = listener(visits -> Mono.fromCallable(() -> {
      slices.add(visits);
      mostAtOnce.accumulateAndGet(countingNow.incrementAndGet(), Math::max);
      for (UUID station : stations(visits)) {
        if (!stationsBeingCounted.add(station)) {
          countedByTwoAtOnce.add(station);
        }
      }
      return new UtilizationStore.Counted(visits.size(), 0);
    }).delayElement(Duration.ofMillis(30)).doOnNext(counted -> {
      stationsBeingCounted.removeAll(stations(visits));
      countingNow.decrementAndGet();
    }));
    List<ConsumerRecord<String, byte[]>> poll = poll(4_500, 20);

    listener.onMessage(poll);

    Set<UUID> counted = new HashSet<>();
    slices.forEach(slice -> slice.forEach(visit -> assertThat(counted.add(visit.eventId())).isTrue()));
    assertThat(counted).hasSize(4_500);
    assertThat(slices).allSatisfy(slice -> assertThat(slice).hasSizeLessThanOrEqualTo(1_000));
    assertThat(mostAtOnce).as("the lanes count side by side").hasValue(2);
    assertThat(countedByTwoAtOnce).as("no station counted in two transactions at once").isEmpty();
  }

  @Test
  void a_small_poll_is_one_slice() {
    listener = listener(visits -> Mono.fromCallable(() -> {
      slices.add(visits);
      return new UtilizationStore.Counted(visits.size(), 0);
    }));

    listener.onMessage(poll(800, 20));

    assertThat(slices).singleElement().satisfies(slice -> assertThat(slice).hasSize(800));
  }

  @Test
  void a_slice_that_fails_fails_the_poll_so_the_container_brings_it_again() {
    AtomicInteger calls = new AtomicInteger();
    // The third slice prepared is the first lane's second: it fails while the other lane still counts.
    listener = listener(visits -> calls.incrementAndGet() == 3
        ? Mono.error(new IllegalStateException("the database went away"))
        : Mono.fromCallable(() -> countingNow.incrementAndGet())
            .delayElement(Duration.ofMillis(200))
            .map(n -> new UtilizationStore.Counted(visits.size(), 0))
            .doOnNext(counted -> countingNow.decrementAndGet()));

    assertThatThrownBy(() -> listener.onMessage(poll(4_500, 20)))
        .isInstanceOf(IllegalStateException.class).hasMessage("the database went away");
    assertThat(countingNow).as("no transaction of the failed poll still running when it is brought again").hasValue(0);
  }

  VisitCountingListener listener(Function<List<CountedVisit>, Mono<UtilizationStore.Counted>> count) {
    UtilizationStore store = (UtilizationStore) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {UtilizationStore.class}, (proxy, method, args) -> {
          if (method.getName().equals("count")) {
            @SuppressWarnings("unchecked")
            List<CountedVisit> visits = (List<CountedVisit>) args[0];
            return count.apply(visits);
          }
          throw new UnsupportedOperationException(method.getName());
        });
    // No rebuild is running: every record is live. Nothing here is dead-lettered.
    ReplayTracker noRebuild = new ReplayTracker(new InMemoryRebuildLog(), () -> Mono.just(0), Clock.systemUTC());
    BatchConsumers batches = new BatchConsumers("localhost:1", new DeadLetters(null, new SimpleMeterRegistry()), new SimpleMeterRegistry());
    return new VisitCountingListener(store, batches, noRebuild, Clock.systemUTC(), new SimpleMeterRegistry(), 2);
  }

  /** Visits spread over {@code stations} stations, each record keyed by its station as visit-service sends them. */
  static List<ConsumerRecord<String, byte[]>> poll(int visits, int stations) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    for (int i = 0; i < visits; i++) {
      String station = UUID.nameUUIDFromBytes(("station-" + i % stations).getBytes(StandardCharsets.UTF_8)).toString();
      VisitRecorded visit = new VisitRecorded("v-" + i, station, AT.plusSeconds(i), WorkerType.COURIER,
          List.of(ServiceUsed.WATER), VisitChannel.QR_CHECK_IN, null, true);
      byte[] event = EventJson.write(new EventEnvelope<>(UUID.randomUUID(), VisitRecorded.TYPE.name(),
          VisitRecorded.TYPE.version(), AT, "visit-service", station, visit));
      records.add(new ConsumerRecord<>(Topics.VISIT_EVENTS, i % 12, i, station, event));
    }
    return records;
  }

  static Set<UUID> stations(List<CountedVisit> visits) {
    Set<UUID> stations = new HashSet<>();
    visits.forEach(visit -> stations.add(visit.stationId()));
    return stations;
  }
}
