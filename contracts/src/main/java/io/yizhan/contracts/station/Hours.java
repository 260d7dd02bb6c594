package io.yizhan.contracts.station;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Opening hours on the wire, in the city's time (Asia/Shanghai). A range whose {@code closes} is
 * not after {@code opens} runs past midnight ("22:00"–"02:00"); "24:00" closes at midnight. An
 * opening belongs to the day it starts. An exception with no ranges closes that date.
 *
 * @param weekly keyed by MONDAY … SUNDAY; a day that is absent is closed
 */
public record Hours(boolean alwaysOpen, Map<String, List<Range>> weekly, List<DateHours> exceptions) {

  public Hours {
    weekly = weekly == null ? Map.of() : Map.copyOf(weekly);
    exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
  }

  /** Open from {@code opens} to {@code closes}, "HH:mm". */
  public record Range(String opens, String closes) {}

  /** The hours of one date, replacing the weekday's. */
  public record DateHours(LocalDate date, List<Range> ranges, String reason) {

    public DateHours {
      ranges = ranges == null ? List.of() : List.copyOf(ranges);
    }
  }
}
