package io.yizhan.station.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yizhan.contracts.maintenance.MaintenanceOverdue.Tier;
import io.yizhan.contracts.station.Contact;
import io.yizhan.station.registry.ResponsibilityChain;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EscalationTest {

  static final Instant DUE = Instant.parse("2026-11-01T01:00:00Z");
  static final Contact MANAGER = new Contact("王丽", "029-87654321");
  static final Contact HEAD = new Contact("李强", "029-87650000");
  static final Contact CHIEF = new Contact("张敏", "029-87659999");

  @Test
  void a_task_climbs_from_manager_to_regional_head_to_district_chief() {
    Escalation e = Escalation.DEFAULT;
    assertThat(e.reached(DUE, DUE.minusSeconds(1))).isNull();
    assertThat(e.reached(DUE, DUE)).as("due, not yet overdue").isNull();
    assertThat(e.reached(DUE, DUE.plusSeconds(1))).isEqualTo(Tier.STATION_MANAGER);
    assertThat(e.reached(DUE, DUE.plus(Duration.ofDays(7)).minusSeconds(1))).isEqualTo(Tier.STATION_MANAGER);
    assertThat(e.reached(DUE, DUE.plus(Duration.ofDays(7)))).isEqualTo(Tier.REGIONAL_HEAD);
    assertThat(e.reached(DUE, DUE.plus(Duration.ofDays(30)))).isEqualTo(Tier.DISTRICT_CHIEF);
    assertThat(e.reached(DUE, DUE.plus(Duration.ofDays(400)))).isEqualTo(Tier.DISTRICT_CHIEF);
  }

  @Test
  void each_tier_tells_its_person() {
    ResponsibilityChain full = new ResponsibilityChain(MANAGER, HEAD, CHIEF);
    assertThat(Escalation.contactAt(Tier.STATION_MANAGER, full)).isEqualTo(MANAGER);
    assertThat(Escalation.contactAt(Tier.REGIONAL_HEAD, full)).isEqualTo(HEAD);
    assertThat(Escalation.contactAt(Tier.DISTRICT_CHIEF, full)).isEqualTo(CHIEF);
  }

  @Test
  void an_empty_tier_passes_the_task_up_and_with_nobody_above_it_stays_with_the_manager() {
    assertThat(Escalation.contactAt(Tier.REGIONAL_HEAD, new ResponsibilityChain(MANAGER, null, CHIEF))).isEqualTo(CHIEF);
    assertThat(Escalation.contactAt(Tier.DISTRICT_CHIEF, new ResponsibilityChain(MANAGER, HEAD, null))).isEqualTo(HEAD);
    assertThat(Escalation.contactAt(Tier.DISTRICT_CHIEF, new ResponsibilityChain(MANAGER, null, null))).isEqualTo(MANAGER);
  }

  @Test
  void thresholds_must_climb() {
    assertThatThrownBy(() -> new Escalation(Duration.ofDays(10), Duration.ofDays(5)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
