package io.yizhan.visit.utilization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import org.junit.jupiter.api.Test;

class WeekDemandTest {

  @Test
  void suggests_the_shortest_hours_that_hold_the_share_asked() {
    WeekDemand demand = new WeekDemand();
    // Monday: a morning peak, a lunch peak, a late-evening delivery peak, a trickle otherwise.
    int[] monday = {0, 0, 0, 0, 0, 0, 2, 10, 12, 4, 3, 6, 15, 14, 4, 3, 3, 5, 6, 4, 8, 9, 2, 0};
    for (int h = 0; h < 24; h++) {
      demand.add(DayOfWeek.MONDAY, h, monday[h], 0, 0);
    }
    // 110 visits; 90 % is 99. No 14 hours hold 99 (07:00–21:00 holds 97); of the 15-hour runs
    // 06:00–21:00 holds exactly 99 and 07:00–22:00 holds 106: the latter.
    WeekDemand.SuggestedDay day = demand.suggestedHours(0.9).get(0);
    assertThat(day.day()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(day.hours()).isEqualTo("07:00-22:00");
    assertThat(day.covered()).isEqualTo(106);
    assertThat(day.total()).isEqualTo(110);
  }

  @Test
  void of_equally_short_hours_prefers_the_one_holding_most_and_skips_days_without_visits() {
    WeekDemand demand = new WeekDemand();
    demand.add(DayOfWeek.SATURDAY, 9, 5, 0, 0);
    demand.add(DayOfWeek.SATURDAY, 15, 6, 6, 0);
    demand.add(DayOfWeek.SATURDAY, 16, 1, 1, 0);
    // 12 visits, 50 % = 6: both 09:00 (5, too few) and 15:00 (6) are one hour; 15:00 holds enough.
    assertThat(demand.suggestedHours(0.5)).singleElement().satisfies(day -> {
      assertThat(day.day()).isEqualTo(DayOfWeek.SATURDAY);
      assertThat(day.hours()).isEqualTo("15:00-16:00");
    });
    assertThat(demand.totalOutsideHours()).isEqualTo(7);
    assertThat(demand.outsideHoursShare()).isEqualTo(7.0 / 12);
    assertThat(demand.total()).isEqualTo(12);
  }

  @Test
  void all_day_demand_gives_the_whole_day() {
    WeekDemand demand = new WeekDemand();
    for (int h = 0; h < 24; h++) {
      demand.add(DayOfWeek.SUNDAY, h, 1, 0, 0);
    }
    assertThat(demand.suggestedHours(1.0).get(0).hours()).isEqualTo("00:00-24:00");
  }
}
