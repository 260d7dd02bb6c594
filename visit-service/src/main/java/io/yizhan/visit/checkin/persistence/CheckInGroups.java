package io.yizhan.visit.checkin.persistence;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.yizhan.support.problem.UnavailableException;
import io.yizhan.visit.checkin.CheckInResult;
import io.yizhan.visit.checkin.Visit;
import io.yizhan.visit.checkin.Visits;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Group commit for single check-ins: those that arrive while earlier ones are being stored share
 * the next transaction, its Kafka send and its WAL flush. Alone, a check-in is stored at once as
 * before; under load a transaction takes all that waited, so its fixed cost (a connection, BEGIN,
 * COMMIT and the flush to disk, a producer request) is shared instead of paid by each.
 *
 * <p>A group is stored and logged whole or not at all. When its transaction fails for anything but
 * the log being unavailable, each of its check-ins is tried again alone, so one check-in the
 * database refuses cannot fail the others beside it. Like a lone check-in, a group runs to its
 * end whatever its callers do (R2dbcVisits#toTheEnd).
 *
 * <p>Each caller hears its answer on a scheduler of its own choosing (an HTTP route's: its
 * connection's event loop) or the parallel one, never on the thread that finished the
 * transaction. Completed there, the callers' continuations (encoding each answer, writing each
 * response) ran one after another on the database connection's event loop, and the next group
 * could start only once the last of them was written. Under load that was about half of the
 * thread's samples (docs/benchmarks.md, session 18).
 */
final class CheckInGroups {

  private record Waiting(Visit visit, CompletableFuture<CheckInResult> answer) {}

  private final Function<List<Visit>, Mono<List<CheckInResult>>> transaction;
  private final int maxGroup;
  private final int maxInFlight;
  private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final DistributionSummary groupSizes;

  /**
   * @param transaction stores and logs check-ins in one transaction; answers in their order
   * @param maxGroup check-ins at most in one transaction
   * @param maxInFlight transactions at most at once; while all are busy, check-ins wait and group
   */
  CheckInGroups(Function<List<Visit>, Mono<List<CheckInResult>>> transaction, int maxGroup, int maxInFlight,
      MeterRegistry meters) {
    this.transaction = transaction;
    this.maxGroup = maxGroup;
    this.maxInFlight = maxInFlight;
    this.groupSizes = DistributionSummary.builder("yizhan.visits.check-in.group")
        .description("Single check-ins stored together in one transaction (group commit)")
        .register(meters);
  }

  /** Answers on the scheduler the subscriber's context gives under {@link Visits#ANSWER_ON}, else on parallel. */
  Mono<CheckInResult> record(Visit visit) {
    return Mono.deferContextual(context -> {
      Waiting waiting = new Waiting(visit, new CompletableFuture<>());
      this.waiting.add(waiting);
      startGroups();
      Scheduler answerOn = context.getOrDefault(Visits.ANSWER_ON, Schedulers.parallel());
      // The caller going away does not cancel the group: the others in it still need their answers.
      return Mono.fromFuture(waiting.answer(), true).publishOn(answerOn);
    });
  }

  /** Starts a transaction for what waits, while fewer than maxInFlight run. */
  private void startGroups() {
    while (!waiting.isEmpty()) {
      int running = inFlight.get();
      if (running >= maxInFlight) {
        return; // the group that ends next starts the waiting ones
      }
      if (!inFlight.compareAndSet(running, running + 1)) {
        continue;
      }
      List<Waiting> group = new ArrayList<>();
      for (Waiting next; group.size() < maxGroup && (next = waiting.poll()) != null; ) {
        group.add(next);
      }
      if (group.isEmpty()) {
        inFlight.decrementAndGet();
        continue;
      }
      store(group).whenComplete((ignored, error) -> {
        inFlight.decrementAndGet();
        startGroups();
      });
    }
  }

  private CompletableFuture<Void> store(List<Waiting> group) {
    groupSizes.record(group.size());
    return storeTogether(group).handle((ignored, error) -> {
      if (error == null) {
        return DONE;
      }
      Throwable cause = error instanceof CompletionException ? error.getCause() : error;
      if (group.size() == 1 || cause instanceof UnavailableException) {
        // Alone already, or the log is down: tried alone, each would wait as long to hear the same.
        group.forEach(waiting -> waiting.answer().completeExceptionally(cause));
        return DONE;
      }
      return CompletableFuture.allOf(group.stream().map(waiting -> store(List.of(waiting)))
          .toArray(CompletableFuture[]::new));
    }).thenCompose(Function.identity());
  }

  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

  /** One transaction for the group; each is answered when it commits. Fails as the transaction does. */
  private CompletableFuture<Void> storeTogether(List<Waiting> group) {
    return transaction.apply(group.stream().map(Waiting::visit).toList()).toFuture().thenAccept(results -> {
      for (int i = 0; i < group.size(); i++) {
        group.get(i).answer().complete(results.get(i));
      }
    });
  }
}
