package io.yizhan.visit.utilization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CountingBacklogTest {

  static final Instant NOW = Instant.parse("2026-12-05T03:00:00Z");

  @Test
  void a_few_thousand_on_their_way_is_counting_as_usual() {
    CountingBacklog usual = new CountingBacklog(CountingBacklog.CURRENT_BELOW - 1, 2_000L, 0L, NOW);
    assertThat(usual.behind()).isFalse();
    assertThat(usual.secondsToCatchUp()).isZero();
  }

  @Test
  void behind_it_tells_when_counting_will_have_caught_up_at_the_pace_the_backlog_shrank() {
    CountingBacklog behind = new CountingBacklog(100_001, 30_000L, 25_000L, NOW);
    assertThat(behind.behind()).isTrue();
    assertThat(behind.secondsToCatchUp()).as("rounded up").isEqualTo(5);
  }

  @Test
  void a_backlog_that_does_not_shrink_or_has_no_pace_yet_has_no_time_to_catch_up() {
    assertThat(new CountingBacklog(50_000, 1_000L, -500L, NOW).secondsToCatchUp()).isNull();
    assertThat(new CountingBacklog(50_000, 0L, 0L, NOW).secondsToCatchUp()).isNull();
    assertThat(new CountingBacklog(50_000, null, null, NOW).secondsToCatchUp()).isNull();
  }
}
