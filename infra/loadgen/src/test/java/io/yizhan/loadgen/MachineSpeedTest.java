package io.yizhan.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class MachineSpeedTest {

  @Test
  void each_sleep_of_a_millisecond_is_counted_once_with_its_lateness() {
    Histogram late = MachineSpeed.lateness(1, 1);

    // At most a thousand 1 ms sleeps fit in a second; each is recorded, none as early.
    assertThat(late.getTotalCount()).isBetween(50L, 1_000L);
    assertThat(late.getMinValue()).isGreaterThanOrEqualTo(0);
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("busy-"));
  }

  @Test
  void the_speed_of_a_core_is_measured_second_by_second() throws Exception {
    double[] perSecond = MachineSpeed.sortsPerSecond(2);

    // A core of the last decade sorts 100,000 integers in a few milliseconds.
    assertThat(perSecond).hasSize(2);
    for (double sorts : perSecond) {
      assertThat(sorts).isBetween(10.0, 10_000.0);
    }
  }
}
