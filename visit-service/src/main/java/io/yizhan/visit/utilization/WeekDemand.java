package io.yizhan.visit.utilization;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Demand by weekday and hour of day (Asia/Shanghai), and what of it came while the station was
 * closed. The basis of "do the hours fit the workers", and of the hours to suggest.
 */
public final class WeekDemand {

  private final long[][] visits = new long[7][24];
  private final long[][] outsideHours = new long[7][24];
  private long openUnknown;

  /**
   * Adds visits of one weekday and hour.
   *
   * @param unknownCount of {@code visitCount}, those for which whether the station was open is not known
   */
  public void add(DayOfWeek day, int hour, long visitCount, long outsideCount, long unknownCount) {
    visits[day.ordinal()][hour] += visitCount;
    outsideHours[day.ordinal()][hour] += outsideCount;
    openUnknown += unknownCount;
  }

  public long visits(DayOfWeek day, int hour) {
    return visits[day.ordinal()][hour];
  }

  public long outsideHours(DayOfWeek day, int hour) {
    return outsideHours[day.ordinal()][hour];
  }

  public long total() {
    long n = 0;
    for (long[] day : visits) {
      for (long v : day) {
        n += v;
      }
    }
    return n;
  }

  public long totalOutsideHours() {
    long n = 0;
    for (long[] day : outsideHours) {
      for (long v : day) {
        n += v;
      }
    }
    return n;
  }

  /** Share of the visits whose openness is known that came while closed; 0 with none known. */
  public double outsideHoursShare() {
    long known = total() - openUnknown;
    return known == 0 ? 0 : (double) totalOutsideHours() / known;
  }

  /**
   * Suggested opening hours for one weekday: from {@code from}:00 to {@code to}:00 (24 is midnight).
   *
   * @param covered visits of that weekday inside the suggested hours
   * @param total   visits of that weekday
   */
  public record SuggestedDay(DayOfWeek day, int from, int to, long covered, long total) {

    public String hours() {
      return String.format("%02d:00-%02d:00", from, to);
    }
  }

  /**
   * For each weekday with visits, the shortest run of whole hours that holds at least {@code share}
   * of that day's visits; of equally short runs, the one holding most, then the earliest. Runs stay
   * within the day (00:00–24:00): an opening across midnight shows as hours up to 24:00 and from
   * 00:00, which the planner joins.
   */
  public List<SuggestedDay> suggestedHours(double share) {
    List<SuggestedDay> days = new ArrayList<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      SuggestedDay suggested = suggest(day, visits[day.ordinal()], share);
      if (suggested != null) {
        days.add(suggested);
      }
    }
    return days;
  }

  private static @Nullable SuggestedDay suggest(DayOfWeek day, long[] hours, double share) {
    long total = 0;
    for (long v : hours) {
      total += v;
    }
    if (total == 0) {
      return null;
    }
    // The epsilon keeps 0.9 × 110 = 99.00000000000001 from asking for 100.
    long needed = (long) Math.ceil(share * total - 1e-9);
    for (int length = 1; length <= 24; length++) {
      int bestFrom = -1;
      long bestCovered = -1;
      for (int from = 0; from + length <= 24; from++) {
        long covered = 0;
        for (int h = from; h < from + length; h++) {
          covered += hours[h];
        }
        if (covered >= needed && covered > bestCovered) {
          bestFrom = from;
          bestCovered = covered;
        }
      }
      if (bestFrom >= 0) {
        return new SuggestedDay(day, bestFrom, bestFrom + length, bestCovered, total);
      }
    }
    throw new IllegalStateException("24 hours cover every visit");
  }
}
