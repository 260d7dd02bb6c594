package io.yizhan.station.standings;

import io.yizhan.contracts.maintenance.MaintenanceOverdue.Tier;
import io.yizhan.contracts.station.Contact;
import io.yizhan.contracts.station.StandingFlagged.Flag;
import io.yizhan.contracts.station.StandingFlagged.Recipient;
import io.yizhan.station.registry.ResponsibilityChain;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which flags of a new standing are told, and to whom.
 *
 * <p>A flag is told when the new standing raises it (the one before did not) and it was not told
 * for the station within {@code quiet}: a station wavering at a threshold flips its level back
 * and forth as days enter and leave the four weeks judged, and its manager should hear once, not
 * each time. A standing judged more than {@code stale} before it is read tells nobody: that is
 * history read by a new consumer, or a backlog after a long outage, no longer news to act on; it
 * is still kept, so the next one compares with it.
 *
 * @param quiet how long a flag told stays told (28 days: the four weeks a standing judges)
 * @param stale how old a standing may be and still be told
 */
public record TellingRules(Duration quiet, Duration stale) {

  public static final TellingRules DEFAULT = new TellingRules(Duration.ofDays(28), Duration.ofDays(2));

  public TellingRules {
    if (quiet.isNegative() || stale.isNegative()) {
      throw new IllegalArgumentException("quiet and stale must not be negative");
    }
  }

  /**
   * @param before   the standing kept before, null for the station's first
   * @param lastTold when each flag was last told for the station
   * @param now      when it is read
   * @return the flags to tell now, in {@link Flag}'s order
   */
  public List<Flag> flagsToTell(Standing standing, @Nullable Standing before, Map<Flag, Instant> lastTold,
      Instant now) {
    if (Duration.between(standing.judgedAt(), now).compareTo(stale) > 0) {
      return List.of();
    }
    List<Flag> told = new ArrayList<>();
    for (Flag flag : standing.flags()) {
      boolean raised = before == null || !before.flags().contains(flag);
      Instant last = lastTold.get(flag);
      boolean quietOver = last == null || !now.isBefore(last.plus(quiet));
      if (raised && quietOver) {
        told.add(flag);
      }
    }
    return told;
  }

  /**
   * The station manager, who runs it day to day, and the tier above, who can add seats, move
   * hours or promote it among workers: the regional head, or the district chief when the station
   * has none. Someone named twice in the chain is told once.
   */
  public static List<Recipient> recipients(ResponsibilityChain chain) {
    List<Recipient> recipients = new ArrayList<>();
    recipients.add(new Recipient(Tier.STATION_MANAGER, chain.manager()));
    Contact above = chain.regionalHead() != null ? chain.regionalHead() : chain.districtChief();
    Tier aboveTier = chain.regionalHead() != null ? Tier.REGIONAL_HEAD : Tier.DISTRICT_CHIEF;
    if (above != null && !above.equals(chain.manager())) {
      recipients.add(new Recipient(aboveTier, above));
    }
    return recipients;
  }
}
