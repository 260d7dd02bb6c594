package io.yizhan.station.maintenance;

import io.yizhan.contracts.maintenance.MaintenanceOverdue.Tier;
import io.yizhan.contracts.station.Contact;
import io.yizhan.station.registry.ResponsibilityChain;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How an overdue task climbs the three tiers: the station manager as soon as it is due, the
 * regional head after {@code toRegionalHead} overdue, the district chief after
 * {@code toDistrictChief}. The report's complaint is that managers change often and upkeep
 * lapses unseen; the chain above them must see it.
 */
public record Escalation(Duration toRegionalHead, Duration toDistrictChief) {

  public static final Escalation DEFAULT = new Escalation(Duration.ofDays(7), Duration.ofDays(30));

  public Escalation {
    if (toRegionalHead.isNegative() || toDistrictChief.compareTo(toRegionalHead) < 0) {
      throw new IllegalArgumentException("escalation must climb: 0 ≤ toRegionalHead ≤ toDistrictChief");
    }
  }

  /** The tier a task due at {@code dueAt} has reached at {@code now}; null while not yet due. */
  public @Nullable Tier reached(Instant dueAt, Instant now) {
    if (!now.isAfter(dueAt)) {
      return null;
    }
    Duration overdue = Duration.between(dueAt, now);
    if (overdue.compareTo(toDistrictChief) >= 0) {
      return Tier.DISTRICT_CHIEF;
    }
    return overdue.compareTo(toRegionalHead) >= 0 ? Tier.REGIONAL_HEAD : Tier.STATION_MANAGER;
  }

  /**
   * Who is told at a tier. A tier left empty in the chain passes the task up to the next one
   * that has a person; with nobody above, the station manager stays responsible.
   */
  public static Contact contactAt(Tier tier, ResponsibilityChain chain) {
    Contact regionalHead = chain.regionalHead();
    Contact districtChief = chain.districtChief();
    if (tier == Tier.STATION_MANAGER) {
      return chain.manager();
    }
    if (tier == Tier.REGIONAL_HEAD && regionalHead != null) {
      return regionalHead;
    }
    return districtChief != null ? districtChief : regionalHead != null ? regionalHead : chain.manager();
  }
}
