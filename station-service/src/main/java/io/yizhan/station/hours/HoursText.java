package io.yizhan.station.hours;

import io.yizhan.contracts.station.Hours;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Opening hours as a union office writes them in a spreadsheet cell:
 * {@code 24小时}, or {@code 周一至周五 09:00-17:00；周六 10:00-14:00}, or
 * {@code MON-FRI 09:00-17:00, 18:00-22:00; SAT,SUN 10:00-14:00}. Days not named are closed.
 */
public final class HoursText {

  /** What to show a person whose cell could not be read. */
  public static final String FORMAT =
      "开放时间格式：24小时，或「周一至周五 09:00-17:00；周六 10:00-14:00」（跨夜如 22:00-02:00）";

  private static final String[] CODES = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"};
  private static final Map<String, Integer> DAY_NAMES = new LinkedHashMap<>();
  private static final Pattern SEGMENT = Pattern.compile("^(\\S+?)\\s*((?:\\d{1,2}:\\d{2}\\s*[-–~至]\\s*\\d{1,2}:\\d{2}\\s*[,，、]?\\s*)+)$");
  private static final Pattern RANGE = Pattern.compile("(\\d{1,2}:\\d{2})\\s*[-–~至]\\s*(\\d{1,2}:\\d{2})");

  static {
    String[][] names = {
      {"周一", "星期一", "MON", "MONDAY"}, {"周二", "星期二", "TUE", "TUESDAY"}, {"周三", "星期三", "WED", "WEDNESDAY"},
      {"周四", "星期四", "THU", "THURSDAY"}, {"周五", "星期五", "FRI", "FRIDAY"}, {"周六", "星期六", "SAT", "SATURDAY"},
      {"周日", "星期日", "SUN", "SUNDAY"}};
    for (int day = 0; day < names.length; day++) {
      for (String name : names[day]) {
        DAY_NAMES.put(name, day);
      }
    }
    DAY_NAMES.put("周天", 6);
    DAY_NAMES.put("星期天", 6);
  }

  /** The hours in the cell, or null when it cannot be read (blank included). */
  public static @Nullable Hours parse(@Nullable String cell) {
    if (cell == null || cell.isBlank()) {
      return null;
    }
    String text = cell.strip().toUpperCase(java.util.Locale.ROOT);
    if (text.equals("24小时") || text.equals("24H") || text.equals("全天") || text.equals("24/7")) {
      return new Hours(true, Map.of(), List.of());
    }
    Map<String, List<Hours.Range>> weekly = new LinkedHashMap<>();
    for (String segment : text.split("[;；\\n]")) {
      if (segment.isBlank()) {
        continue;
      }
      Matcher m = SEGMENT.matcher(segment.strip());
      if (!m.matches()) {
        return null;
      }
      List<Integer> days = days(m.group(1));
      if (days == null) {
        return null;
      }
      List<Hours.Range> ranges = new ArrayList<>();
      Matcher r = RANGE.matcher(m.group(2));
      while (r.find()) {
        ranges.add(new Hours.Range(pad(r.group(1)), pad(r.group(2))));
      }
      for (int day : days) {
        weekly.computeIfAbsent(CODES[day], d -> new ArrayList<>()).addAll(ranges);
      }
    }
    return weekly.isEmpty() ? null : new Hours(false, weekly, List.of());
  }

  /** {@code 周一至周五}, {@code MON-FRI}, {@code 周六、周日}, {@code SAT,SUN}, {@code 周三}. */
  private static @Nullable List<Integer> days(String spec) {
    List<Integer> days = new ArrayList<>();
    for (String part : spec.split("[,，、/]")) {
      String[] bounds = part.split("至|-|–|~");
      Integer from = DAY_NAMES.get(bounds[0].strip());
      Integer to = bounds.length == 2 ? DAY_NAMES.get(bounds[1].strip()) : from;
      if (from == null || to == null || bounds.length > 2) {
        return null;
      }
      for (int day = from; ; day = (day + 1) % 7) {
        days.add(day);
        if (day == to) {
          break;
        }
      }
    }
    return days;
  }

  private static String pad(String time) {
    return time.length() == 4 ? "0" + time : time;
  }

  private HoursText() {}
}
