package io.yizhan.station.hours;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.contracts.station.Hours;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoursTextTest {

  @Test
  void chinese_day_ranges_and_a_saturday() {
    Hours hours = HoursText.parse("周一至周五 09:00-17:00；周六 10:00-14:00");

    assertThat(hours.alwaysOpen()).isFalse();
    assertThat(hours.weekly()).containsOnlyKeys("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY");
    assertThat(hours.weekly().get("SATURDAY")).containsExactly(new Hours.Range("10:00", "14:00"));
  }

  @Test
  void english_days_split_shifts_and_single_digit_hours() {
    Hours hours = HoursText.parse("MON-FRI 9:00-12:00, 18:00-02:00; SAT,SUN 10:00-14:00");

    assertThat(hours.weekly().get("FRIDAY"))
        .containsExactly(new Hours.Range("09:00", "12:00"), new Hours.Range("18:00", "02:00"));
    assertThat(hours.weekly().get("SUNDAY")).containsExactly(new Hours.Range("10:00", "14:00"));
  }

  @Test
  void a_range_of_days_may_wrap_over_the_weekend() {
    assertThat(HoursText.parse("周六至周一 08:00-20:00").weekly()).containsOnlyKeys("SATURDAY", "SUNDAY", "MONDAY");
  }

  @Test
  void around_the_clock_in_any_usual_spelling() {
    for (String cell : List.of("24小时", "24h", "全天", "24/7")) {
      assertThat(HoursText.parse(cell).alwaysOpen()).as(cell).isTrue();
    }
  }

  @Test
  void what_cannot_be_read_is_null_not_a_guess() {
    assertThat(HoursText.parse("工作日白天")).isNull();
    assertThat(HoursText.parse("周八 09:00-17:00")).isNull();
    assertThat(HoursText.parse("")).isNull();
  }
}
