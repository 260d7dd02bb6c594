package io.yizhan.notification;

import io.yizhan.testkit.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  @Test
  void domain_is_free_of_frameworks_and_adapters_stay_at_the_edge() {
    ArchitectureRules.check("io.yizhan.notification");
  }
}
