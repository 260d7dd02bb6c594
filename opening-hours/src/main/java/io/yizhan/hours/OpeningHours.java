package io.yizhan.hours;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When a station is open: always, or a weekly schedule with dated exceptions. Times are the
 * city's wall-clock times ({@link #CITY}).
 */
public record OpeningHours(boolean alwaysOpen, Map<DayOfWeek, List<TimeRange>> weekly, List<DateException> exceptions) {

  /** Every station of the platform keeps the city's time; China has one zone and no DST. */
  public static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

  /** How far ahead "until" and "next open" are looked for. */
  private static final int HORIZON_DAYS = 8;

  public OpeningHours {
    Map<DayOfWeek, List<TimeRange>> copy = new EnumMap<>(DayOfWeek.class);
    weekly.forEach((day, ranges) -> {
      if (!ranges.isEmpty()) {
        copy.put(day, List.copyOf(ranges));
      }
    });
    weekly = Map.copyOf(copy);
    exceptions = List.copyOf(exceptions);
  }

  public static OpeningHours twentyFourSeven() {
    return new OpeningHours(true, Map.of(), List.of());
  }

  /** No hours recorded: never shown as open. Stations listed before hours were kept have these. */
  public static OpeningHours unknown() {
    return new OpeningHours(false, Map.of(), List.of());
  }

  /** The same ranges on each of the given days. */
  public static OpeningHours weekly(List<DayOfWeek> days, TimeRange... ranges) {
    Map<DayOfWeek, List<TimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
    days.forEach(day -> weekly.put(day, List.of(ranges)));
    return new OpeningHours(false, weekly, List.of());
  }

  public OpeningHours withExceptions(List<DateException> newExceptions) {
    return new OpeningHours(alwaysOpen, weekly, newExceptions);
  }

  /** The ranges that start on a date: its exception's if it has one, else its weekday's. */
  public List<TimeRange> rangesStartingOn(LocalDate date) {
    for (DateException exception : exceptions) {
      if (exception.date().equals(date)) {
        return exception.ranges();
      }
    }
    return weekly.getOrDefault(date.getDayOfWeek(), List.of());
  }

  /** Open or closed at {@code moment}, and until when. */
  public OpenState stateAt(ZonedDateTime moment) {
    ZonedDateTime at = moment.withZoneSameInstant(CITY);
    if (alwaysOpen) {
      return OpenState.openUntil(null);
    }
    List<Interval> intervals = intervalsAround(at.toLocalDate());
    for (int i = 0; i < intervals.size(); i++) {
      Interval current = intervals.get(i);
      if (current.contains(at)) {
        ZonedDateTime end = current.end();
        // Back-to-back openings (a day until 24:00, the next from 00:00) read as one.
        for (int j = i + 1; j < intervals.size() && !intervals.get(j).start().isAfter(end); j++) {
          if (intervals.get(j).end().isAfter(end)) {
            end = intervals.get(j).end();
          }
        }
        boolean beyondHorizon = !end.isBefore(at.toLocalDate().plusDays(HORIZON_DAYS - 1).atStartOfDay(CITY));
        return OpenState.openUntil(beyondHorizon ? null : end);
      }
    }
    return OpenState.closedUntil(intervals.stream()
        .map(Interval::start).filter(start -> start.isAfter(at)).findFirst().orElse(null));
  }

  /**
   * Open at {@code moment}: what {@link #stateAt} says, without working out until when. A range
   * lasts at most a day, so only one starting that day or the day before can hold the moment; the
   * week of openings stateAt builds took a fifth of visit-service's CPU when it judged each visit
   * of a batch this way.
   */
  public boolean isOpenAt(ZonedDateTime moment) {
    if (alwaysOpen) {
      return true;
    }
    ZonedDateTime at = moment.withZoneSameInstant(CITY);
    LocalDate date = at.toLocalDate();
    for (LocalDate day = date.minusDays(1); !day.isAfter(date); day = day.plusDays(1)) {
      for (TimeRange range : rangesStartingOn(day)) {
        ZonedDateTime start = day.atTime(range.opens()).atZone(CITY);
        if (new Interval(start, start.plus(range.length())).contains(at)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Concrete openings that start from the day before {@code date} to a week after, sorted. */
  private List<Interval> intervalsAround(LocalDate date) {
    List<Interval> intervals = new ArrayList<>();
    for (LocalDate day = date.minusDays(1); day.isBefore(date.plusDays(HORIZON_DAYS)); day = day.plusDays(1)) {
      for (TimeRange range : rangesStartingOn(day)) {
        ZonedDateTime start = day.atTime(range.opens()).atZone(CITY);
        intervals.add(new Interval(start, start.plus(range.length())));
      }
    }
    intervals.sort(Comparator.comparing(Interval::start));
    return intervals;
  }

  /**
   * What is wrong with these hours, in words for the person who entered them; empty when valid.
   * Each problem names the field: {@code weekly.MONDAY}, {@code exceptions[2]}.
   */
  public Map<String, String> problems() {
    Map<String, String> problems = new java.util.LinkedHashMap<>();
    if (alwaysOpen) {
      if (!weekly.isEmpty()) {
        problems.put("weekly", "24 小时开放的站点无需再填每周时间，请二选一");
      }
      return problems;
    }
    // Place every weekly range on a circle of 7 × 1440 minutes: overnight ranges then overlap
    // the next morning's ranges exactly when they do in reality.
    List<long[]> placed = new ArrayList<>();
    Map<long[], DayOfWeek> owner = new HashMap<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      for (TimeRange range : weekly.getOrDefault(day, List.of())) {
        long start = (day.getValue() - 1) * 1440L + range.opens().toSecondOfDay() / 60;
        long[] span = {start, start + range.length().toMinutes()};
        placed.add(span);
        owner.put(span, day);
      }
    }
    for (int i = 0; i < placed.size(); i++) {
      for (int j = i + 1; j < placed.size(); j++) {
        if (overlapOnWeek(placed.get(i), placed.get(j))) {
          DayOfWeek a = owner.get(placed.get(i));
          DayOfWeek b = owner.get(placed.get(j));
          problems.putIfAbsent("weekly." + b, "开放时间有重叠（" + zh(a) + "与" + zh(b) + "），请合并或调整");
        }
      }
    }
    Map<LocalDate, Integer> seen = new HashMap<>();
    for (int i = 0; i < exceptions.size(); i++) {
      DateException exception = exceptions.get(i);
      if (seen.put(exception.date(), i) != null) {
        problems.put("exceptions[" + i + "]", exception.date() + " 重复填写，请每个日期只填一次");
        continue;
      }
      List<TimeRange> ranges = exception.ranges();
      for (int a = 0; a < ranges.size(); a++) {
        for (int b = a + 1; b < ranges.size(); b++) {
          if (overlap(ranges.get(a), ranges.get(b))) {
            problems.put("exceptions[" + i + "]", exception.date() + " 的开放时间有重叠，请合并或调整");
          }
        }
      }
    }
    if (weekly.isEmpty() && exceptions.stream().allMatch(DateException::closed)) {
      problems.put("weekly", "请填写每周开放时间，或选择 24 小时开放");
    }
    return problems;
  }

  private static boolean overlapOnWeek(long[] a, long[] b) {
    long week = 7 * 1440L;
    for (long shift : new long[] {-week, 0, week}) {
      if (a[0] < b[1] + shift && b[0] + shift < a[1]) {
        return true;
      }
    }
    return false;
  }

  private static boolean overlap(TimeRange a, TimeRange b) {
    long as = a.opens().toSecondOfDay() / 60;
    long bs = b.opens().toSecondOfDay() / 60;
    return overlapOnWeek(new long[] {as, as + a.length().toMinutes()}, new long[] {bs, bs + b.length().toMinutes()});
  }

  private static String zh(DayOfWeek day) {
    return switch (day) {
      case MONDAY -> "周一";
      case TUESDAY -> "周二";
      case WEDNESDAY -> "周三";
      case THURSDAY -> "周四";
      case FRIDAY -> "周五";
      case SATURDAY -> "周六";
      case SUNDAY -> "周日";
    };
  }

  private record Interval(ZonedDateTime start, ZonedDateTime end) {
    boolean contains(ZonedDateTime at) {
      return !at.isBefore(start) && at.isBefore(end);
    }
  }

  @Override
  public String toString() {
    return alwaysOpen ? "24/7" : weekly + " " + exceptions;
  }
}
