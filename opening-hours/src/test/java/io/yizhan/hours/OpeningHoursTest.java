package io.yizhan.hours;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {

  static final List<DayOfWeek> WORKDAYS = List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);
  static final OpeningHours OFFICE_HOURS = OpeningHours.weekly(WORKDAYS, TimeRange.of("09:00", "17:00"));
  /** 2026-11-27 is a Friday. */
  static final LocalDate FRIDAY_27 = LocalDate.of(2026, 11, 27);

  static ZonedDateTime city(LocalDate date, String time) {
    return LocalDateTime.of(date, java.time.LocalTime.parse(time)).atZone(OpeningHours.CITY);
  }

  @Test
  void office_hours_are_open_at_ten_on_a_weekday_until_five() {
    OpenState state = OFFICE_HOURS.stateAt(city(FRIDAY_27, "10:00"));

    assertThat(state.open()).isTrue();
    assertThat(state.until()).isEqualTo(city(FRIDAY_27, "17:00"));
  }

  @Test
  void closed_on_saturday_evening_and_next_open_monday_morning() {
    OpenState state = OFFICE_HOURS.stateAt(city(FRIDAY_27.plusDays(1), "19:30"));

    assertThat(state.open()).isFalse();
    assertThat(state.nextOpen()).isEqualTo(city(FRIDAY_27.plusDays(3), "09:00"));
  }

  @Test
  void open_now_is_judged_in_city_time_whatever_the_caller_zone() {
    // 01:30 UTC is 09:30 in Xi'an.
    ZonedDateTime utc = LocalDateTime.of(FRIDAY_27, java.time.LocalTime.of(1, 30)).atZone(ZoneOffset.UTC);

    assertThat(OFFICE_HOURS.isOpenAt(utc)).isTrue();
  }

  @Test
  void a_late_opening_runs_past_midnight_into_the_next_day() {
    OpeningHours lateNight = OpeningHours.weekly(List.of(FRIDAY), TimeRange.of("18:00", "02:00"));

    OpenState afterMidnight = lateNight.stateAt(city(FRIDAY_27.plusDays(1), "01:15"));
    assertThat(afterMidnight.open()).isTrue();
    assertThat(afterMidnight.until()).isEqualTo(city(FRIDAY_27.plusDays(1), "02:00"));
    assertThat(lateNight.isOpenAt(city(FRIDAY_27.plusDays(1), "02:00"))).isFalse();
  }

  @Test
  void a_holiday_closure_closes_the_day_but_not_the_night_before_running_into_it() {
    OpeningHours lateNight = OpeningHours.weekly(List.of(FRIDAY, SATURDAY), TimeRange.of("18:00", "02:00"))
        .withExceptions(List.of(new DateException(FRIDAY_27.plusDays(1), List.of(), "元旦")));

    assertThat(lateNight.isOpenAt(city(FRIDAY_27.plusDays(1), "01:00"))).isTrue();
    assertThat(lateNight.isOpenAt(city(FRIDAY_27.plusDays(1), "19:00"))).isFalse();
    assertThat(lateNight.isOpenAt(city(FRIDAY_27.plusDays(2), "01:00"))).isFalse();
  }

  @Test
  void extra_hours_on_a_date_replace_the_weekly_schedule() {
    OpeningHours summerDrive = OFFICE_HOURS.withExceptions(List.of(
        new DateException(FRIDAY_27.plusDays(1), List.of(TimeRange.of("06:00", "22:00")), "送清凉")));

    assertThat(summerDrive.isOpenAt(city(FRIDAY_27.plusDays(1), "21:00"))).isTrue();
  }

  @Test
  void open_or_not_is_what_the_full_state_says_for_any_hours_at_any_moment() {
    java.util.Random random = new java.util.Random(20261201);
    String[] times = {"00:00", "00:30", "06:00", "08:00", "09:30", "12:00", "13:00", "17:30", "18:00", "22:00",
        "23:59", "24:00"};
    for (int h = 0; h < 300; h++) {
      Map<DayOfWeek, List<TimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
      for (DayOfWeek day : DayOfWeek.values()) {
        if (random.nextInt(4) > 0) {
          weekly.put(day, List.of(TimeRange.of(times[random.nextInt(times.length - 1)],
              times[random.nextInt(times.length)])));
        }
      }
      List<DateException> exceptions = random.nextBoolean() ? List.of() : List.of(new DateException(
          FRIDAY_27.plusDays(random.nextInt(7)),
          random.nextBoolean() ? List.of() : List.of(TimeRange.of("06:00", "22:00")), "节日"));
      OpeningHours hours = new OpeningHours(false, weekly, exceptions);
      for (int m = 0; m < 200; m++) {
        ZonedDateTime moment = FRIDAY_27.atStartOfDay(OpeningHours.CITY).plusMinutes(random.nextInt(10 * 24 * 60));
        assertThat(hours.isOpenAt(moment)).as("%s at %s", hours, moment).isEqualTo(hours.stateAt(moment).open());
        ZonedDateTime utc = moment.withZoneSameInstant(ZoneOffset.UTC);
        assertThat(hours.isOpenAt(utc)).isEqualTo(hours.stateAt(utc).open());
      }
    }
  }

  @Test
  void back_to_back_days_read_as_one_opening_until_the_real_close() {
    OpeningHours nights = OpeningHours.weekly(List.of(MONDAY, TUESDAY), TimeRange.of("00:00", "24:00"));
    LocalDate monday = LocalDate.of(2026, 11, 30);

    assertThat(nights.stateAt(city(monday, "23:00")).until()).isEqualTo(city(monday.plusDays(2), "00:00"));
  }

  @Test
  void twenty_four_seven_is_always_open_without_an_end() {
    OpenState state = OpeningHours.twentyFourSeven().stateAt(city(FRIDAY_27, "03:00"));

    assertThat(state.open()).isTrue();
    assertThat(state.until()).isNull();
  }

  @Test
  void ranges_that_overlap_on_a_day_are_a_problem_named_by_day() {
    Map<DayOfWeek, List<TimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
    weekly.put(MONDAY, List.of(TimeRange.of("09:00", "12:00"), TimeRange.of("11:00", "17:00")));

    assertThat(new OpeningHours(false, weekly, List.of()).problems()).containsKey("weekly.MONDAY");
  }

  @Test
  void an_overnight_range_overlapping_the_next_morning_is_a_problem_even_from_sunday_to_monday() {
    Map<DayOfWeek, List<TimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
    weekly.put(SUNDAY, List.of(TimeRange.of("20:00", "03:00")));
    weekly.put(MONDAY, List.of(TimeRange.of("02:00", "10:00")));

    assertThat(new OpeningHours(false, weekly, List.of()).problems()).isNotEmpty();
  }

  @Test
  void split_shifts_and_office_hours_are_valid() {
    Map<DayOfWeek, List<TimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
    weekly.put(MONDAY, List.of(TimeRange.of("06:00", "09:00"), TimeRange.of("17:00", "23:00")));

    assertThat(new OpeningHours(false, weekly, List.of()).problems()).isEmpty();
    assertThat(OFFICE_HOURS.problems()).isEmpty();
  }

  @Test
  void no_hours_at_all_and_a_date_given_twice_are_problems() {
    assertThat(new OpeningHours(false, Map.of(), List.of()).problems()).containsKey("weekly");
    OpeningHours twice = OFFICE_HOURS.withExceptions(List.of(
        new DateException(FRIDAY_27, List.of(), "a"), new DateException(FRIDAY_27, List.of(), "b")));
    assertThat(twice.problems()).containsKey("exceptions[1]");
  }
}
