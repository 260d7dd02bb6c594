package io.yizhan.station.standings;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.contracts.maintenance.MaintenanceOverdue.Tier;
import io.yizhan.contracts.station.Contact;
import io.yizhan.contracts.station.StandingFlagged.Flag;
import io.yizhan.contracts.station.StandingFlagged.Recipient;
import io.yizhan.contracts.utilization.StandingChanged.Level;
import io.yizhan.station.registry.ResponsibilityChain;
import io.yizhan.station.registry.StationId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TellingRulesTest {

  static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");
  static final StationId STATION = StationId.generate();
  static final Contact MANAGER = new Contact("王丽", "029-87654321");
  static final Contact HEAD = new Contact("李强", "029-87650000");
  static final Contact CHIEF = new Contact("张敏", "029-87659999");

  final TellingRules rules = TellingRules.DEFAULT;

  @Test
  void a_first_standing_tells_each_flag_it_raises_and_a_normal_one_tells_nothing() {
    assertThat(rules.flagsToTell(standing(Level.OVERLOADED, true, NOW), null, Map.of(), NOW))
        .containsExactly(Flag.OVERLOADED, Flag.CLOSED_WHEN_NEEDED);
    assertThat(rules.flagsToTell(standing(Level.UNDERUSED, false, NOW), null, Map.of(), NOW))
        .containsExactly(Flag.UNDERUSED);
    assertThat(rules.flagsToTell(standing(Level.NORMAL, false, NOW), null, Map.of(), NOW)).isEmpty();
  }

  @Test
  void only_what_the_standing_before_did_not_raise_is_told() {
    Standing before = standing(Level.OVERLOADED, false, NOW.minus(Duration.ofDays(1)));
    // Still overloaded, now also closed when workers come: only the hours are news.
    assertThat(rules.flagsToTell(standing(Level.OVERLOADED, true, NOW), before, Map.of(), NOW))
        .containsExactly(Flag.CLOSED_WHEN_NEEDED);
    // From overloaded to idle: the other flag.
    assertThat(rules.flagsToTell(standing(Level.UNDERUSED, false, NOW), before, Map.of(), NOW))
        .containsExactly(Flag.UNDERUSED);
  }

  @Test
  void a_flag_raised_again_within_the_quiet_period_tells_nobody_and_after_it_tells_again() {
    Standing normalBefore = standing(Level.NORMAL, false, NOW.minus(Duration.ofDays(1)));
    Map<Flag, Instant> toldTenDaysAgo = Map.of(Flag.OVERLOADED, NOW.minus(Duration.ofDays(10)));
    assertThat(rules.flagsToTell(standing(Level.OVERLOADED, false, NOW), normalBefore, toldTenDaysAgo, NOW))
        .as("a station wavering at the threshold").isEmpty();
    Map<Flag, Instant> toldAQuietPeriodAgo = Map.of(Flag.OVERLOADED, NOW.minus(Duration.ofDays(28)));
    assertThat(rules.flagsToTell(standing(Level.OVERLOADED, false, NOW), normalBefore, toldAQuietPeriodAgo, NOW))
        .containsExactly(Flag.OVERLOADED);
    assertThat(rules.flagsToTell(standing(Level.UNDERUSED, false, NOW), normalBefore, toldTenDaysAgo, NOW))
        .as("another flag's quiet period does not hold this one").containsExactly(Flag.UNDERUSED);
  }

  @Test
  void a_standing_judged_long_before_it_is_read_tells_nobody() {
    Instant threeDaysAgo = NOW.minus(Duration.ofDays(3));
    assertThat(rules.flagsToTell(standing(Level.OVERLOADED, true, threeDaysAgo), null, Map.of(), NOW)).isEmpty();
    Instant aDayAgo = NOW.minus(Duration.ofDays(1));
    assertThat(rules.flagsToTell(standing(Level.OVERLOADED, false, aDayAgo), null, Map.of(), NOW))
        .as("read a day late, after an outage").containsExactly(Flag.OVERLOADED);
  }

  @Test
  void the_manager_and_the_tier_above_are_told_each_once() {
    assertThat(TellingRules.recipients(new ResponsibilityChain(MANAGER, HEAD, CHIEF))).containsExactly(
        new Recipient(Tier.STATION_MANAGER, MANAGER), new Recipient(Tier.REGIONAL_HEAD, HEAD));
    assertThat(TellingRules.recipients(new ResponsibilityChain(MANAGER, null, CHIEF))).as("no regional head")
        .containsExactly(new Recipient(Tier.STATION_MANAGER, MANAGER), new Recipient(Tier.DISTRICT_CHIEF, CHIEF));
    assertThat(TellingRules.recipients(new ResponsibilityChain(MANAGER, null, null)))
        .containsExactly(new Recipient(Tier.STATION_MANAGER, MANAGER));
    assertThat(TellingRules.recipients(new ResponsibilityChain(MANAGER, MANAGER, CHIEF))).as("the manager heads the region")
        .containsExactly(new Recipient(Tier.STATION_MANAGER, MANAGER));
  }

  private static Standing standing(Level level, boolean closedWhenNeeded, Instant judgedAt) {
    LocalDate to = LocalDate.parse("2026-12-05");
    return new Standing(STATION, level, closedWhenNeeded, to.minusDays(27), to, judgedAt);
  }
}
