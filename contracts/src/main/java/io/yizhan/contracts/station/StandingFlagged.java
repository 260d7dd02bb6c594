package io.yizhan.contracts.station;

import io.yizhan.contracts.EventType;
import io.yizhan.contracts.Require;
import io.yizhan.contracts.Topics;
import io.yizhan.contracts.maintenance.MaintenanceOverdue.Tier;
import io.yizhan.contracts.utilization.StandingChanged.Level;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A station has become overloaded or idle, or its hours have begun to miss the workers, by
 * visit-service's standing ({@code utilization.standing-changed}), and station-service has chosen
 * whom in its responsibility chain to tell: the station manager and the tier above. Published
 * when a flag is raised, at most once per station and flag in a quiet period (28 days unless
 * configured), so a station wavering at a threshold does not tell the same people every day.
 *
 * @param flag              what was raised
 * @param level             the station's busy/idle level now
 * @param from              first day judged
 * @param to                last day judged
 * @param visits            its visits in those days
 * @param visitsPerSeatPerDay its visits per seat and day, the figure stations are ranked by
 * @param vsDistrictMedian  that figure divided by its district's median station's
 * @param peakOccupancy     the average visits of its busiest hour divided by what its seats take in
 *                          an hour
 * @param outsideHoursShare share of its visits (whose openness is known) made while it was closed
 * @param reasons           visit-service's reasons for the level (Chinese)
 * @param action            visit-service's suggestion for the level (Chinese); null when normal
 * @param recipients        who is told, lowest tier first; each person once
 */
public record StandingFlagged(
    String stationId,
    String stationName,
    String district,
    Flag flag,
    Level level,
    LocalDate from,
    LocalDate to,
    long visits,
    double visitsPerSeatPerDay,
    double vsDistrictMedian,
    double peakOccupancy,
    double outsideHoursShare,
    List<String> reasons,
    @Nullable String action,
    List<Recipient> recipients) {

  public static final EventType<StandingFlagged> TYPE =
      new EventType<>("station.standing-flagged", 1, Topics.STATION_EVENTS, StandingFlagged.class);

  /** What a standing can raise that someone should act on. */
  public enum Flag {
    /** More workers come than its seats take, or far more than to its district's other stations. */
    OVERLOADED,
    /** Few workers come, against its seats and its district's other stations. */
    UNDERUSED,
    /** Enough workers come while it is closed that its hours need a look. */
    CLOSED_WHEN_NEEDED
  }

  /** One person told, at a tier of the three-tier responsibility (三级负责制). */
  public record Recipient(Tier tier, Contact contact) {

    public Recipient {
      Require.present(tier, "tier");
      Require.present(contact, "contact");
    }
  }

  public StandingFlagged {
    Require.text(stationId, "stationId");
    Require.text(stationName, "stationName");
    Require.text(district, "district");
    Require.present(flag, "flag");
    Require.present(level, "level");
    Require.present(from, "from");
    Require.present(to, "to");
    reasons = List.copyOf(Require.present(reasons, "reasons"));
    recipients = List.copyOf(Require.present(recipients, "recipients"));
    if (recipients.isEmpty()) {
      throw new IllegalArgumentException("recipients must name at least the station manager");
    }
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to must not be before from");
    }
    if (visits < 0) {
      throw new IllegalArgumentException("visits must not be negative");
    }
  }
}
