package io.yizhan.hours;

import io.yizhan.contracts.station.Hours;
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

  /** Where reading reports a bad entry: the field (e.g. {@code hours.weekly.MONDAY}) and what is wrong, in Chinese. */
  @FunctionalInterface
  public interface Problems {
    void add(String field, String message);
  }

  /**
   * @param field the request field the hours came in, e.g. {@code hours}
   * @return the hours, or null when {@code problems} was told at least one
   */
  public static @Nullable OpeningHours read(@Nullable Hours wire, String field, Problems problems) {
    if (wire == null) {
      problems.add(field, "请填写开放时间：每周各天的时段，或选择 24 小时开放");
      return null;
    }
    Counting counted = new Counting(problems);
    Map<DayOfWeek, List<TimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
    wire.weekly().forEach((day, ranges) -> {
      DayOfWeek dayOfWeek;
      try {
        dayOfWeek = DayOfWeek.valueOf(day);
      } catch (IllegalArgumentException e) {
        counted.add(field + ".weekly." + day, "星期应为 MONDAY … SUNDAY 之一");
        return;
      }
      weekly.put(dayOfWeek, ranges(ranges, field + ".weekly." + day, counted));
    });
    List<DateException> exceptions = new ArrayList<>();
    for (int i = 0; i < wire.exceptions().size(); i++) {
      Hours.DateHours dated = wire.exceptions().get(i);
      String at = field + ".exceptions[" + i + "]";
      if (dated.date() == null) {
        counted.add(at + ".date", "请填写日期，例如 2027-01-01");
        continue;
      }
      exceptions.add(new DateException(dated.date(), ranges(dated.ranges(), at, counted), dated.reason()));
    }
    if (counted.found > 0) {
      return null;
    }
    OpeningHours hours = new OpeningHours(wire.alwaysOpen(), weekly, exceptions);
    hours.problems().forEach((where, what) -> counted.add(field + "." + where, what));
    return counted.found > 0 ? null : hours;
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

  private static List<TimeRange> ranges(@Nullable List<Hours.Range> ranges, String field, Problems problems) {
    List<TimeRange> read = new ArrayList<>();
    for (Hours.Range range : ranges == null ? List.<Hours.Range>of() : ranges) {
      try {
        read.add(TimeRange.of(range.opens(), range.closes()));
      } catch (DateTimeParseException | NullPointerException e) {
        problems.add(field, "时间格式应为 HH:mm，例如 09:00–17:00，跨夜如 22:00–02:00");
      }
    }
    return read;
  }

  /** Counts what passes through, to know whether this reading found anything wrong. */
  private static final class Counting implements Problems {
    private final Problems target;
    private int found;

    Counting(Problems target) {
      this.target = target;
    }

    @Override
    public void add(String field, String message) {
      found++;
      target.add(field, message);
    }
  }

  private HoursConversion() {}
}
