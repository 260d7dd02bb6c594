package io.yizhan.visit.utilization;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.contracts.visit.ServiceUsed;
import io.yizhan.contracts.visit.WorkerType;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AwarenessTest {

  static Tally visits(int sanitation, int riders) {
    Tally tally = new Tally();
    for (int i = 0; i < sanitation + riders; i++) {
      tally.add(new CountedVisit(UUID.randomUUID(), UUID.randomUUID(), Instant.EPOCH,
          i < sanitation ? WorkerType.SANITATION : WorkerType.FOOD_DELIVERY, Set.of(ServiceUsed.WATER), true,
          Instant.EPOCH));
    }
    return tally;
  }

  @Test
  void flags_a_station_riders_do_not_find_and_says_how_to_reach_them() {
    Awareness a = Awareness.of(visits(36, 4), 0.45, UtilizationRules.PROPOSED);
    assertThat(a.share()).isEqualTo(0.1);
    assertThat(a.flagged()).isTrue();
    assertThat(a.verdict()).contains("10%", "45%", "宣传");
  }

  @Test
  void does_not_flag_a_share_near_the_expected_one() {
    assertThat(Awareness.of(visits(25, 15), 0.45, UtilizationRules.PROPOSED).flagged()).isFalse();
  }

  @Test
  void does_not_judge_on_too_few_visits() {
    Awareness a = Awareness.of(visits(10, 0), 0.45, UtilizationRules.PROPOSED);
    assertThat(a.flagged()).isFalse();
    assertThat(a.judged()).isFalse();
    assertThat(a.verdict()).contains("暂不评判");
  }
}
