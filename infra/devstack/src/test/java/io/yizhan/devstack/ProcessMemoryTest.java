package io.yizhan.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcessMemoryTest {

  @Test
  void this_jvm_has_a_resident_size_and_a_proportional_size_no_larger_than_it() {
    assumeTrue(Files.exists(Path.of("/proc/self/smaps_rollup")), "Linux 4.14 or later");
    long pid = ProcessHandle.current().pid();

    long resident = Devstack.residentKiB(pid);
    long proportional = Devstack.proportionalKiB(pid);

    assertThat(resident).isGreaterThan(10_000);
    // Both are read a moment apart from a running JVM: allow for what it allocates in between.
    assertThat(proportional).isPositive().isLessThanOrEqualTo(resident + 50_000);
  }

  @Test
  void a_process_that_is_gone_has_no_memory_rather_than_an_error() {
    assertThat(Devstack.residentKiB(Long.MAX_VALUE)).isZero();
    assertThat(Devstack.proportionalKiB(Long.MAX_VALUE)).isZero();
  }
}
