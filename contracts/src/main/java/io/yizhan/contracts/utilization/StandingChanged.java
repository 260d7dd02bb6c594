package io.yizhan.contracts.utilization;

import io.yizhan.contracts.EventType;
import io.yizhan.contracts.Require;
import io.yizhan.contracts.Topics;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A station's busy/idle standing (忙闲) changed: its level against its capacity and the other
 * stations of its district, or whether its hours miss the workers, over the four whole weeks that
 * ended the day before. Published when either differs from what was last published for the station
 * (a station's first standing included), so that a district's system hears when one of its
 * stations becomes overloaded or idle without asking every day. The values are absolute: a
 * consumer keeps the latest per station.
 *
 * @param level              where it stands now
 * @param previousLevel      where it stood in the standing published before; null for its first
 * @param closedWhenNeeded   enough of its visits came while it was closed that its hours need a look
 * @param from               first day judged
 * @param to                 last day judged
 * @param visits             its visits in those days
 * @param visitsPerSeatPerDay its visits per seat and day, the figure stations are ranked by
 * @param vsDistrictMedian   that figure divided by its district's median station's; 0 when the
 *                           median is 0
 * @param peakOccupancy      the average visits of its busiest hour divided by what its seats take
 *                           in an hour; 1 or more is full
 * @param outsideHoursShare  share of its visits (whose openness is known) made while it was closed
 * @param reasons            why, in words a planner reads (Chinese)
 * @param action             what a planner could do about it (Chinese); null when normal
 */
public record StandingChanged(
    String stationId,
    String stationName,
    String district,
    Level level,
    @Nullable Level previousLevel,
    boolean closedWhenNeeded,
    LocalDate from,
    LocalDate to,
    long visits,
    double visitsPerSeatPerDay,
    double vsDistrictMedian,
    double peakOccupancy,
    double outsideHoursShare,
    List<String> reasons,
    @Nullable String action) {

  public static final EventType<StandingChanged> TYPE =
      new EventType<>("utilization.standing-changed", 1, Topics.UTILIZATION_EVENTS, StandingChanged.class);

  /** 忙闲: against its own seats and its district's other stations. */
  public enum Level {
    OVERLOADED,
    NORMAL,
    UNDERUSED
  }

  public StandingChanged {
    Require.text(stationId, "stationId");
    Require.text(stationName, "stationName");
    Require.text(district, "district");
    Require.present(level, "level");
    Require.present(from, "from");
    Require.present(to, "to");
    reasons = List.copyOf(Require.present(reasons, "reasons"));
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to must not be before from");
    }
    if (visits < 0) {
      throw new IllegalArgumentException("visits must not be negative");
    }
  }
}
