package io.yizhan.station.hours;

import io.yizhan.contracts.station.Hours;
import io.yizhan.support.problem.InvalidRequestException.FieldProblem;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Between opening hours as people and district systems write them ({@link Hours}: "HH:mm"
 * strings, weekday names) and {@link OpeningHours}. Reading reports every bad entry by field.
 */
public final class HoursConversion {

  /**
   * @param field the request field the hours came in, e.g. {@code hours}
   * @return the hours, or null when {@code problems} got at least one entry
   */
  public static @Nullable OpeningHours read(@Nullable Hours wire, String field, List<FieldProblem> problems) {
    if (wire == null) {
      problems.add(new FieldProblem(field, "请填写开放时间：每周各天的时段，或选择 24 小时开放"));
      return null;
    }
    int before = problems.size();
    Map<DayOfWeek, List<TimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
    wire.weekly().forEach((day, ranges) -> {
      DayOfWeek dayOfWeek;
      try {
        dayOfWeek = DayOfWeek.valueOf(day);
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem(field + ".weekly." + day, "星期应为 MONDAY … SUNDAY 之一"));
        return;
      }
      weekly.put(dayOfWeek, ranges(ranges, field + ".weekly." + day, problems));
    });
    List<DateException> exceptions = new ArrayList<>();
    for (int i = 0; i < wire.exceptions().size(); i++) {
      Hours.DateHours dated = wire.exceptions().get(i);
      String at = field + ".exceptions[" + i + "]";
      if (dated.date() == null) {
        problems.add(new FieldProblem(at + ".date", "请填写日期，例如 2027-01-01"));
        continue;
      }
      exceptions.add(new DateException(dated.date(), ranges(dated.ranges(), at, problems), dated.reason()));
    }
    if (problems.size() > before) {
      return null;
    }
    OpeningHours hours = new OpeningHours(wire.alwaysOpen(), weekly, exceptions);
    hours.problems().forEach((where, what) -> problems.add(new FieldProblem(field + "." + where, what)));
    return problems.size() > before ? null : hours;
  }

  public static Hours write(OpeningHours hours) {
    Map<String, List<Hours.Range>> weekly = new LinkedHashMap<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      List<TimeRange> ranges = hours.weekly().get(day);
      if (ranges != null) {
        weekly.put(day.name(), ranges.stream().map(HoursConversion::write).toList());
      }
    }
    return new Hours(hours.alwaysOpen(), weekly, hours.exceptions().stream()
        .map(e -> new Hours.DateHours(e.date(), e.ranges().stream().map(HoursConversion::write).toList(), e.reason()))
        .toList());
  }

  private static Hours.Range write(TimeRange range) {
    return new Hours.Range(range.opens().toString(),
        range.closes().equals(LocalTime.MIDNIGHT) && !range.opens().equals(LocalTime.MIDNIGHT) ? "24:00" : range.closes().toString());
  }

  private static List<TimeRange> ranges(@Nullable List<Hours.Range> ranges, String field, List<FieldProblem> problems) {
    List<TimeRange> read = new ArrayList<>();
    for (Hours.Range range : ranges == null ? List.<Hours.Range>of() : ranges) {
      try {
        read.add(TimeRange.of(range.opens(), range.closes()));
      } catch (DateTimeParseException | NullPointerException e) {
        problems.add(new FieldProblem(field, "时间格式应为 HH:mm，例如 09:00–17:00，跨夜如 22:00–02:00"));
      }
    }
    return read;
  }

  private HoursConversion() {}
}
