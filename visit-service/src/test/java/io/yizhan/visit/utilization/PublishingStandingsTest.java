package io.yizhan.visit.utilization;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.visit.utilization.UtilizationReports.Standing;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * No standing is judged while the counts are short: a station judged on part of its visits would
 * be announced idle to its district, and announced back an hour later. (Whether the changes are
 * published, once, is UtilizationIntegrationTest's, on the real database and broker.)
 */
class PublishingStandingsTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T02:00:00Z"), ZoneOffset.UTC);

  final AtomicInteger judged = new AtomicInteger();
  // Counts the rounds that judged the stations; the store behind the real one is not needed.
  final UtilizationReports reports = new UtilizationReports(null, null, null, UtilizationRules.PROPOSED) {
    @Override
    public Mono<java.util.List<Standing>> standings(String district, Period period) {
      judged.incrementAndGet();
      return Mono.just(java.util.List.of());
    }
  };
  final StandingsLog log = (standings, period, max) -> Mono.just(0);

  static Rebuilds latest(Rebuild.State state) {
    Rebuild rebuild = new Rebuild(UUID.randomUUID(), "test", CLOCK.instant(), null, state, Map.of(), 10, 5, 5, 0, null);
    return new Rebuilds() {
      @Override
      public Mono<Rebuild> start(String requestedBy) {
        throw new AssertionError("a round never starts a rebuild");
      }

      @Override
      public Mono<Rebuild> latest() {
        return Mono.just(rebuild);
      }
    };
  }

  static CountingProgress waiting(long visits) {
    return () -> Mono.just(new CountingBacklog(visits, null, null, CLOCK.instant()));
  }

  @Test
  void nothing_is_judged_while_counting_is_behind_the_accepted_visits() {
    PublishingStandings round = new PublishingStandings(reports, log, latest(Rebuild.State.DONE),
        waiting(CountingBacklog.CURRENT_BELOW), CLOCK);
    assertThat(round.runOnce().block()).isZero();
    assertThat(judged).hasValue(0);
  }

  @Test
  void nothing_is_judged_while_utilization_is_rebuilt() {
    PublishingStandings round = new PublishingStandings(reports, log, latest(Rebuild.State.RUNNING), waiting(0), CLOCK);
    assertThat(round.runOnce().block()).isZero();
    assertThat(judged).hasValue(0);
  }

  @Test
  void a_new_station_is_not_published() {
    UtilizationReports judging = new UtilizationReports(null, null, null, UtilizationRules.PROPOSED) {
      @Override
      public Mono<java.util.List<Standing>> standings(String district, Period period) {
        // Listed four weeks ago and nobody comes; listed yesterday and nobody came yet.
        return Mono.just(java.util.List.of(judged("老站", BusyIdle.Level.UNDERUSED, 28),
            judged("昨天启用", BusyIdle.Level.NEW, 1)));
      }
    };
    java.util.List<String> published = new java.util.ArrayList<>();
    StandingsLog remembering = (standings, period, max) -> {
      standings.forEach(s -> published.add(s.ranked().load().name()));
      return Mono.just(standings.size());
    };
    PublishingStandings round = new PublishingStandings(judging, remembering, latest(Rebuild.State.DONE), waiting(0),
        CLOCK);
    assertThat(round.runOnce().block()).isEqualTo(1);
    assertThat(published).containsExactly("老站");
  }

  static Standing judged(String name, BusyIdle.Level level, long daysInUse) {
    StationLoad load = new StationLoad(UUID.randomUUID(), name, "碑林区", 10, daysInUse, 28, 0, new long[24]);
    return new Standing(new BusyIdle.Ranked(load, 1, level, 0, 0, java.util.List.of(), null), new Tally(), false);
  }

  @Test
  void counting_as_usual_after_a_rebuild_the_stations_are_judged_on_the_four_weeks_to_yesterday() {
    Period[] asked = new Period[1];
    StandingsLog remembering = (standings, period, max) -> {
      asked[0] = period;
      return Mono.just(0);
    };
    PublishingStandings round = new PublishingStandings(reports, remembering, latest(Rebuild.State.DONE),
        waiting(CountingBacklog.CURRENT_BELOW - 1), CLOCK);
    assertThat(round.runOnce().block()).isZero();
    assertThat(judged).hasValue(1);
    assertThat(asked[0]).isEqualTo(new Period(java.time.LocalDate.parse("2026-11-08"), java.time.LocalDate.parse("2026-12-05")));
  }
}
