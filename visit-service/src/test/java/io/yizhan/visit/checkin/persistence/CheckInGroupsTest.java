package io.yizhan.visit.checkin.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.yizhan.contracts.visit.ServiceUsed;
import io.yizhan.contracts.visit.VisitChannel;
import io.yizhan.contracts.visit.WorkerType;
import io.yizhan.support.problem.UnavailableException;
import io.yizhan.visit.checkin.CheckInResult;
import io.yizhan.visit.checkin.Visit;
import io.yizhan.visit.checkin.Visits;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;
import reactor.util.function.Tuple2;

/** How check-ins are grouped and what a failed group does; the transaction itself is R2dbcVisits' (flow tests). */
class CheckInGroupsTest {

  final List<List<String>> transactions = new CopyOnWriteArrayList<>();

  static Visit visit(String id) {
    return new Visit(id, UUID.randomUUID(), Instant.now(), WorkerType.COURIER, List.of(ServiceUsed.WATER),
        VisitChannel.QR_CHECK_IN, null, true);
  }

  /** A transaction taking 50 ms that fails when it holds a visit {@code refuses} says no to. */
  Function<List<Visit>, Mono<List<CheckInResult>>> transaction(Function<String, RuntimeException> refuses) {
    return visits -> Mono.delay(Duration.ofMillis(50)).then(Mono.defer(() -> {
      transactions.add(visits.stream().map(Visit::id).toList());
      for (Visit v : visits) {
        RuntimeException refused = refuses.apply(v.id());
        if (refused != null) {
          return Mono.error(refused);
        }
      }
      return Mono.just(visits.stream().map(v -> new CheckInResult(v, false)).toList());
    }));
  }

  /** Sends the visits at once; what each caller heard: its visit's id, or the error's class. */
  Map<String, String> sendAtOnce(CheckInGroups groups, int count) {
    Map<String, String> heard = new ConcurrentHashMap<>();
    Flux.range(0, count)
        .flatMap(i -> groups.record(visit("v" + i))
            .doOnNext(result -> heard.put("v" + i, result.visit().id()))
            .onErrorResume(e -> {
              heard.put("v" + i, e.getClass().getSimpleName());
              return Mono.empty();
            }), count)
        .blockLast(Duration.ofSeconds(10));
    return heard;
  }

  @Test
  void check_ins_waiting_for_a_busy_transaction_go_together_in_the_next() {
    CheckInGroups groups = new CheckInGroups(transaction(id -> null), 64, 1, new SimpleMeterRegistry());
    Map<String, String> heard = sendAtOnce(groups, 20);

    assertThat(heard).hasSize(20).allSatisfy((id, answer) -> assertThat(answer).isEqualTo(id));
    assertThat(transactions).hasSize(2);
    assertThat(transactions.get(0)).containsExactly("v0");
    assertThat(transactions.get(1)).hasSize(19);
  }

  @Test
  void a_check_in_the_database_refuses_fails_alone_not_the_group_it_came_in() {
    CheckInGroups groups = new CheckInGroups(
        transaction(id -> id.equals("v7") ? new IllegalStateException("refused") : null), 64, 1,
        new SimpleMeterRegistry());
    Map<String, String> heard = sendAtOnce(groups, 20);

    assertThat(heard).containsEntry("v7", "IllegalStateException");
    heard.forEach((id, answer) -> {
      if (!id.equals("v7")) {
        assertThat(answer).as(id).isEqualTo(id);
      }
    });
    // v0 alone, the group of 19 that failed, then each of those 19 again alone.
    assertThat(transactions).hasSize(1 + 1 + 19);
  }

  @Test
  void when_the_log_is_down_the_whole_group_hears_it_at_once_without_retrying_each() {
    CheckInGroups groups = new CheckInGroups(
        transaction(id -> new UnavailableException("log down", Duration.ofSeconds(10), null)), 64, 1,
        new SimpleMeterRegistry());
    Map<String, String> heard = sendAtOnce(groups, 20);

    assertThat(heard).hasSize(20).allSatisfy((id, answer) -> assertThat(answer).isEqualTo("UnavailableException"));
    assertThat(transactions).hasSize(2);
  }

  @Test
  void a_caller_slow_to_take_its_answer_does_not_hold_up_the_next_group() {
    CountDownLatch nextGroupBegun = new CountDownLatch(1);
    AtomicInteger begun = new AtomicInteger();
    CheckInGroups groups = new CheckInGroups(visits -> {
      if (begun.incrementAndGet() == 2) {
        nextGroupBegun.countDown();
      }
      return transaction(id -> null).apply(visits);
    }, 64, 1, new SimpleMeterRegistry());

    // v0's caller works on its answer until the group after it has begun, or gives up after 5 s.
    Mono<Boolean> first = groups.record(visit("v0")).map(answer -> awaitQuietly(nextGroupBegun));
    Mono<CheckInResult> second = Mono.delay(Duration.ofMillis(10)).then(groups.record(visit("v1")));

    assertThat(Mono.zip(first, second).map(Tuple2::getT1).block(Duration.ofSeconds(10)))
        .as("the next group began while the caller before it was still busy with its answer")
        .isTrue();
  }

  @Test
  void a_caller_hears_its_answer_on_the_scheduler_its_context_names_else_on_parallel() {
    CheckInGroups groups = new CheckInGroups(transaction(id -> null), 64, 1, new SimpleMeterRegistry());
    Scheduler callersOwn = Schedulers.newSingle("callers-own");
    try {
      String named = groups.record(visit("v0")).map(answer -> Thread.currentThread().getName())
          .contextWrite(Context.of(Visits.ANSWER_ON, callersOwn))
          .block(Duration.ofSeconds(10));
      String unnamed = groups.record(visit("v1")).map(answer -> Thread.currentThread().getName())
          .block(Duration.ofSeconds(10));

      assertThat(named).startsWith("callers-own");
      assertThat(unnamed).startsWith("parallel-");
    } finally {
      callersOwn.dispose();
    }
  }

  static boolean awaitQuietly(CountDownLatch latch) {
    try {
      return latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
