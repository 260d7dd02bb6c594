package io.yizhan.visit.utilization;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.visit.utilization.BusyIdle.Level;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BusyIdleTest {

  private final BusyIdle busyIdle = new BusyIdle(UtilizationRules.PROPOSED);

  static StationLoad load(String name, int capacity, long days, long visits, int busiestHour, long inBusiestHour) {
    long[] hours = new long[24];
    hours[busiestHour] = inBusiestHour;
    hours[(busiestHour + 1) % 24] = visits - inBusiestHour;
    return new StationLoad(UUID.randomUUID(), name, "碑林区", capacity, days, days, visits, hours);
  }

  @Test
  void a_station_listed_days_ago_is_new_not_idle_and_stays_out_of_the_median() {
    long[] none = new long[24];
    List<BusyIdle.Ranked> ranked = busyIdle.rank(List.of(
        load("老站", 10, 28, 560, 12, 200),                                     // 2 a seat a day
        load("另一老站", 10, 28, 560, 12, 200),
        new StationLoad(UUID.randomUUID(), "新站", "碑林区", 10, 2, 28, 0, none))); // listed two days ago, nobody yet
    assertThat(ranked).extracting(BusyIdle.Ranked::level).containsExactly(Level.NORMAL, Level.NORMAL, Level.NEW);
    assertThat(ranked.get(2).reasons()).containsExactly("启用 2 天，满 7 天后评判忙闲");
    assertThat(ranked.get(2).action()).isNull();
    // Its zero is not the district's: the old stations are judged against each other.
    assertThat(ranked.get(0).vsDistrictMedian()).isEqualTo(1.0);
    // Over a period shorter than a week, a station there all along is judged.
    assertThat(busyIdle.rank(List.of(load("三天站", 10, 3, 0, 12, 0)))).extracting(BusyIdle.Ranked::level)
        .containsExactly(Level.UNDERUSED);
  }

  @Test
  void compares_use_per_seat_with_the_district_median() {
    List<BusyIdle.Ranked> ranked = busyIdle.rank(List.of(
        load("小站", 2, 28, 280, 12, 100),     // 5 a seat a day
        load("大站", 20, 28, 1120, 12, 400),   // 2 a seat a day: the median
        load("中站", 10, 28, 560, 12, 200),    // 2 a seat a day
        load("冷站", 10, 28, 140, 12, 50)));   // 0.5 a seat a day
    assertThat(ranked).extracting(r -> r.load().name()).containsExactly("小站", "中站", "大站", "冷站");
    assertThat(ranked).extracting(BusyIdle.Ranked::level)
        .containsExactly(Level.OVERLOADED, Level.NORMAL, Level.NORMAL, Level.UNDERUSED);
    assertThat(ranked.get(0).vsDistrictMedian()).isEqualTo(2.5);
    assertThat(ranked.get(0).reasons()).anyMatch(r -> r.contains("2.5 倍"));
    assertThat(ranked.get(3).reasons()).anyMatch(r -> r.contains("25%"));
    assertThat(ranked.get(1).action()).isNull();
  }

  @Test
  void a_station_full_at_its_peak_is_overloaded_even_when_its_peers_are_as_busy() {
    // 4 seats take 12 visits an hour; 400 in a week, 57 a day, come in its busiest hour.
    List<BusyIdle.Ranked> ranked = busyIdle.rank(List.of(
        load("甲", 4, 7, 700, 12, 400), load("乙", 4, 7, 700, 18, 400)));
    BusyIdle.Ranked jia = ranked.stream().filter(r -> r.load().name().equals("甲")).findFirst().orElseThrow();
    assertThat(jia.level()).isEqualTo(Level.OVERLOADED);
    assertThat(jia.peakOccupancy()).isGreaterThan(1);
    assertThat(jia.reasons().get(0)).startsWith("12:00 高峰");
  }

  @Test
  void a_station_nobody_visits_is_underused_even_in_an_idle_district() {
    List<BusyIdle.Ranked> ranked = busyIdle.rank(List.of(load("空站", 6, 28, 0, 0, 0)));
    assertThat(ranked.get(0).level()).isEqualTo(Level.UNDERUSED);
    assertThat(ranked.get(0).reasons()).anyMatch(r -> r.contains("日均仅 0.0 人次"));
  }
}
