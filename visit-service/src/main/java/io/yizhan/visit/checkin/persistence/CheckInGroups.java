package io.yizhan.visit.checkin.persistence;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.yizhan.support.problem.UnavailableException;
import io.yizhan.visit.checkin.CheckInResult;
import io.yizhan.visit.checkin.Visit;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import reactor.core.publisher.Mono;

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
 */
final class CheckInGroups {

  private record Waiting(Visit visit, CompletableFuture<CheckInResult> answer) {}

  private final Function<List<Visit>, Mono<List<CheckInResult>>> together;
  private final Function<Visit, Mono<CheckInResult>> alone;
  private final int maxGroup;
  private final int maxInFlight;
  private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final DistributionSummary groupSizes;

  /**
   * @param together stores and logs a group in one transaction; answers in the group's order
   * @param alone stores and logs one check-in in its own transaction
   * @param maxGroup check-ins at most in one transaction
   * @param maxInFlight transactions at most at once; while all are busy, check-ins wait and group
   */
  CheckInGroups(Function<List<Visit>, Mono<List<CheckInResult>>> together, Function<Visit, Mono<CheckInResult>> alone,
      int maxGroup, int maxInFlight, MeterRegistry meters) {
    this.together = together;
    this.alone = alone;
    this.maxGroup = maxGroup;
    this.maxInFlight = maxInFlight;
    this.groupSizes = DistributionSummary.builder("yizhan.visits.check-in.group")
        .description("Single check-ins stored together in one transaction (group commit)")
        .register(meters);
  }

  Mono<CheckInResult> record(Visit visit) {
    return Mono.defer(() -> {
      Waiting waiting = new Waiting(visit, new CompletableFuture<>());
      this.waiting.add(waiting);
      startGroups();
      // The caller going away does not cancel the group: the others in it still need their answers.
      return Mono.fromFuture(waiting.answer(), true);
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
    if (group.size() == 1) {
      return answer(group.get(0), alone.apply(group.get(0).visit()));
    }
    return together.apply(group.stream().map(Waiting::visit).toList()).toFuture()
        .handle((results, error) -> {
          if (error == null) {
            for (int i = 0; i < group.size(); i++) {
              group.get(i).answer().complete(results.get(i));
            }
            return CompletableFuture.<Void>completedFuture(null);
          }
          Throwable cause = error instanceof CompletionException ? error.getCause() : error;
          if (cause instanceof UnavailableException) {
            // The log is down: alone, each would wait as long again to hear the same.
            group.forEach(waiting -> waiting.answer().completeExceptionally(cause));
            return CompletableFuture.<Void>completedFuture(null);
          }
          return CompletableFuture.allOf(group.stream()
              .map(waiting -> answer(waiting, alone.apply(waiting.visit())))
              .toArray(CompletableFuture[]::new));
        })
        .thenCompose(Function.identity());
  }

  private static CompletableFuture<Void> answer(Waiting waiting, Mono<CheckInResult> result) {
    return result.toFuture().handle((answer, error) -> {
      if (error != null) {
        waiting.answer().completeExceptionally(
            error instanceof CompletionException ? error.getCause() : error);
      } else {
        waiting.answer().complete(answer);
      }
      return null;
    });
  }
}
