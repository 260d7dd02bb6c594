package io.yizhan.visit.checkin;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Every accepted visit. */
public interface Visits {

  /**
   * Key of the subscriber's Reactor context under which a caller of {@link #record} may put the
   * {@link reactor.core.scheduler.Scheduler} to hear its answer on: an HTTP route, its
   * connection's event loop, which then writes the answer without another hand-off. Without
   * it the answer comes on the parallel scheduler; never on the thread that stored the visit.
   */
  String ANSWER_ON = "yizhan.visits.answer-on";

  /**
   * Stores the visit and appends it to the {@link VisitLog}, both or neither. When a visit with
   * the same id exists, stores nothing and returns that one, marked as a duplicate. Answers on
   * the scheduler the subscriber's context gives under {@link #ANSWER_ON}.
   */
  Mono<CheckInResult> record(Visit visit);

  /**
   * Stores every visit whose id is new and appends those to the {@link VisitLog}, in one
   * transaction that commits only after the log acknowledged them.
   *
   * @return the ids stored now; the others were recorded before (duplicates)
   */
  Mono<Set<String>> recordAll(List<Visit> visits);

  /**
   * Of these {@code visit.recorded} event ids, those whose visits this instance stored and saw
   * committed, each answered once: the restoring consumer need not ask the table about them.
   * Another copy of the same event read later is not answered again.
   */
  Set<UUID> committedHere(Collection<UUID> eventIds);

  /**
   * Forgets what this instance committed: the table was restored from a backup, and those visits
   * may be gone from it. Until then {@link #committedHere} may also hold visits the restoring
   * consumer read before their commit, which it would skip on a second reading.
   */
  void forgetCommittedHere();

  /** Of these visit ids, the ones this table lacks. */
  Mono<Set<String>> missing(Collection<String> ids);

  /**
   * Stores the visits the log holds and this table lacks, without appending them again: a visit
   * whose transaction did not commit after the log had acknowledged it. Ask {@link #missing}
   * first and pass only those; one stored meanwhile is left as it is.
   *
   * @return how many were stored now
   */
  Mono<Integer> restore(List<Visit> visits);

  Mono<Visit> find(String id);
}
