package io.yizhan.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventLoopsTest {

  @Test
  void each_service_gets_one_event_loop_unless_told_otherwise() {
    assertThat(Devstack.eventLoops(null)).isEqualTo(1);
    assertThat(Devstack.eventLoops(" ")).isEqualTo(1);
    assertThat(Devstack.eventLoops(" 4 ")).isEqualTo(4);
  }

  @Test
  void a_setting_that_is_not_a_count_of_loops_is_refused_saying_what_to_set() {
    assertThatThrownBy(() -> Devstack.eventLoops("0")).hasMessageContaining("YIZHAN_NETTY_LOOPS");
    assertThatThrownBy(() -> Devstack.eventLoops("two")).hasMessageContaining("at least 1");
  }
}
