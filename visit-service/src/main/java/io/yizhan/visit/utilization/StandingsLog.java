package io.yizhan.visit.utilization;

import io.yizhan.visit.utilization.UtilizationReports.Standing;
import java.util.List;
import reactor.core.publisher.Mono;

/** The standings published on utilization.events.v1, and publishing the next ones. */
public interface StandingsLog {

  /**
   * Publishes, through the outbox, up to {@code max} of the standings judged over {@code period}
   * that changed since their station's last published one ({@link StandingChanges}), and remembers
   * them as published, in one transaction. One instance publishes at a time: another that tries
   * meanwhile publishes nothing, and its next round finds the changes already published. Nothing
   * is published while the counts are partial: emptied for a rebuild ({@link UtilizationStore#clear})
   * that has not finished since.
   *
   * @return how many standings were published: fewer than {@code max} means none is left
   */
  Mono<Integer> publishChanged(List<Standing> standings, Period period, int max);
}
