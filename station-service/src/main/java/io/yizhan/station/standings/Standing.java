package io.yizhan.station.standings;

import io.yizhan.contracts.station.StandingFlagged.Flag;
import io.yizhan.contracts.utilization.StandingChanged.Level;
import io.yizhan.station.registry.StationId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * A station's busy/idle standing as last published by visit-service: what the next one is
 * compared with.
 *
 * @param judgedAt when visit-service judged it (the event's time), to keep the latest
 */
public record Standing(StationId stationId, Level level, boolean closedWhenNeeded, LocalDate from, LocalDate to,
    Instant judgedAt) {

  /** The flags this standing raises: its level when not normal, and its hours when they miss the workers. */
  public Set<Flag> flags() {
    Set<Flag> flags = EnumSet.noneOf(Flag.class);
    if (level == Level.OVERLOADED) {
      flags.add(Flag.OVERLOADED);
    } else if (level == Level.UNDERUSED) {
      flags.add(Flag.UNDERUSED);
    }
    if (closedWhenNeeded) {
      flags.add(Flag.CLOSED_WHEN_NEEDED);
    }
    return flags;
  }
}
