package io.yizhan.hours;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The hours of one date, replacing the weekly schedule's: a holiday closure (no ranges), shorter
 * hours, or extra hours for a cooling or warming drive.
 */
public record DateException(LocalDate date, List<TimeRange> ranges, String reason) {

  public DateException {
    Objects.requireNonNull(date, "date");
    ranges = List.copyOf(ranges);
    reason = reason == null ? "" : reason;
  }

  public boolean closed() {
    return ranges.isEmpty();
  }
}
