package io.yizhan.visit.utilization;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.visit.utilization.BusyIdle.Level;
import io.yizhan.visit.utilization.StandingChanges.Change;
import io.yizhan.visit.utilization.StandingChanges.Published;
import io.yizhan.visit.utilization.UtilizationReports.Standing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StandingChangesTest {

  static Standing standing(String name, Level level, boolean closedWhenNeeded) {
    StationLoad load = BusyIdleTest.load(name, 4, 28, 280, 12, 100);
    return new Standing(new BusyIdle.Ranked(load, 1, level, 1.0, 0.5, List.of("理由"), null), new Tally(),
        closedWhenNeeded);
  }

  @Test
  void a_station_never_published_is_published_with_no_level_before() {
    Standing first = standing("新站", Level.NORMAL, false);
    assertThat(StandingChanges.since(Map.of(), List.of(first))).containsExactly(new Change(first, null));
  }

  @Test
  void the_same_level_and_hours_verdict_is_not_news_whatever_the_figures() {
    Standing same = standing("老站", Level.OVERLOADED, true);
    Map<java.util.UUID, Published> before = Map.of(same.ranked().load().stationId(), new Published(Level.OVERLOADED, true));
    assertThat(StandingChanges.since(before, List.of(same))).isEmpty();
  }

  @Test
  void a_new_level_or_a_new_hours_verdict_is_published_with_the_level_before() {
    Standing busier = standing("变忙站", Level.OVERLOADED, false);
    Standing closedWhenNeeded = standing("晚间站", Level.NORMAL, true);
    Map<java.util.UUID, Published> before = Map.of(
        busier.ranked().load().stationId(), new Published(Level.NORMAL, false),
        closedWhenNeeded.ranked().load().stationId(), new Published(Level.NORMAL, false));
    assertThat(StandingChanges.since(before, List.of(busier, closedWhenNeeded)))
        .containsExactly(new Change(busier, Level.NORMAL), new Change(closedWhenNeeded, Level.NORMAL));
  }
}
