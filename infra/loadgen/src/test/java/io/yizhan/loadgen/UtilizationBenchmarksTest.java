package io.yizhan.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UtilizationBenchmarksTest {

  @Test
  void the_counted_visits_are_the_count_of_the_actuators_meter() {
    String meter = """
        {"availableTags":[{"tag":"application","values":["visit-service"]}],
         "description":"Visits counted into utilization",
         "measurements":[{"statistic":"COUNT","value":2.2598063E7}],
         "name":"yizhan.utilization.visits.counted"}""";
    assertThat(UtilizationBenchmarks.counted(meter)).isEqualTo(22_598_063L);
  }

  @Test
  void an_answer_without_a_count_says_where_it_asked() {
    assertThatThrownBy(() -> UtilizationBenchmarks.counted("{\"measurements\":[{\"statistic\":\"TOTAL\",\"value\":3}]}"))
        .hasMessageContaining("yizhan.utilization.visits.counted")
        .hasMessageContaining("/actuator/metrics/");
  }
}
