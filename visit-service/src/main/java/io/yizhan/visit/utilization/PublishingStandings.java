package io.yizhan.visit.utilization;

import io.yizhan.visit.utilization.UtilizationReports.Standing;
import java.time.Clock;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Judges every active station's busy/idle standing against its district, over the four whole
 * weeks that ended yesterday, and publishes those that changed ({@link StandingChanges}). Whole
 * days, so that a round just after midnight does not judge the city on an empty morning; every
 * round of a day judges the same days, and finds a change only when a late district feed or a
 * change of the registry moves a station.
 */
public class PublishingStandings {

  /** Standings published in one transaction: the first round publishes every station's. */
  static final int MAX_PER_TRANSACTION = 2_000;

  private final UtilizationReports reports;
  private final StandingsLog log;
  private final Rebuilds rebuilds;
  private final CountingProgress counting;
  private final Clock clock;

  public PublishingStandings(UtilizationReports reports, StandingsLog log, Rebuilds rebuilds,
      CountingProgress counting, Clock clock) {
    this.reports = reports;
    this.log = log;
    this.rebuilds = rebuilds;
    this.counting = counting;
    this.clock = clock;
  }

  /**
   * One round.
   *
   * @return how many standings were published; 0 while the counts are short: utilization being
   *     rebuilt (a replay fires no notification), or counting behind the accepted visits (a
   *     backfill, an outage), when a busy station would be judged on part of its visits
   */
  public Mono<Integer> runOnce() {
    Period period = Period.ending(CityTime.dayOf(clock.instant()).minusDays(1), Period.DEFAULT_DAYS);
    Mono<Boolean> countsShort = rebuilds.latest()
        .map(latest -> latest.state() == Rebuild.State.RUNNING)
        .defaultIfEmpty(false)
        .flatMap(rebuilding -> rebuilding ? Mono.just(true) : counting.backlog().map(CountingBacklog::behind));
    return countsShort.flatMap(partial -> partial ? Mono.just(0)
        : reports.standings(null, period).map(PublishingStandings::judged)
            .flatMap(standings -> publish(standings, period, 0)));
  }

  /**
   * A new station (in use fewer days than the rules judge on) is not published: it would be
   * announced idle, and its manager told so, before workers could know it is there.
   */
  private static List<Standing> judged(List<Standing> standings) {
    return standings.stream().filter(s -> s.ranked().level() != BusyIdle.Level.NEW).toList();
  }

  private Mono<Integer> publish(List<Standing> standings, Period period, int before) {
    return log.publishChanged(standings, period, MAX_PER_TRANSACTION).flatMap(published -> published < MAX_PER_TRANSACTION
        ? Mono.just(before + published) : publish(standings, period, before + published));
  }
}
