package io.yizhan.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

  @Test
  void a_watch_writes_down_only_the_late_wake_ups_with_when() {
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    long before = System.currentTimeMillis();

    MachineSpeed.watch(1, new PrintStream(written, true, StandardCharsets.UTF_8));

    // On a quiet machine most wake-ups are on time, and none of those is written; each line
    // written is one wake-up, when it happened and how late, beyond the threshold.
    List<String> lines = written.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSizeLessThan(500);
    assertThat(lines.get(0)).isEqualTo("# watching");
    assertThat(lines.get(lines.size() - 1)).matches("# watched [1-9][0-9]* sleeps from " + "[0-9]+ to [0-9]+");
    assertThat(lines.subList(1, lines.size() - 1)).allSatisfy(line -> {
      String[] parts = line.split(" ");
      assertThat(Long.parseLong(parts[0])).isBetween(before, System.currentTimeMillis());
      assertThat(Long.parseLong(parts[1])).isGreaterThan(MachineSpeed.WATCH_THRESHOLD_MICROS);
    });
  }

  @Test
  void the_slowest_wake_up_is_taken_for_each_second_of_the_window() {
    long from = 1_765_000_000_000L;
    List<String> lines = List.of(
        (from - 1) + " 90000",          // before the window
        (from + 10) + " 2000",
        (from + 999) + " 184000",       // the first second's slowest
        (from + 1_000) + " 3000",       // the second second
        (from + 2_500) + " 117000",
        (from + 3_000) + " 400000",     // after the window
        "# watched 2900 sleeps from " + (from - 100) + " to " + (from + 3_100));

    assertThat(MachineSpeed.slowestEachSecond(lines, from, 3)).containsExactly(184_000, 3_000, 117_000);
  }

  @Test
  void a_watch_in_a_process_of_its_own_reports_every_second_of_the_window() throws Exception {
    try (MachineSpeed.Watch watch = MachineSpeed.Watch.start(3)) {
      long from = System.currentTimeMillis() + 500;
      long[] slowest = watch.slowestEachSecond(from, 1);

      // A second of it was watched; unless the machine stalled, no wake-up was a second late.
      assertThat(slowest).hasSize(1);
      assertThat(slowest[0]).isBetween(0L, 1_000_000L);
    }
  }

  @Test
  void a_window_the_watch_did_not_cover_is_an_error_not_a_quiet_machine() throws Exception {
    try (MachineSpeed.Watch watch = MachineSpeed.Watch.start(2)) {
      long from = System.currentTimeMillis();
      // The window runs two seconds past the watch's end.
      assertThatThrownBy(() -> watch.slowestEachSecond(from, 3))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("did not cover the window");
    }
  }
}
