package io.yizhan.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UtilizationBenchmarksTest {

  @Test
  void the_counted_visits_are_read_from_the_scrape_whatever_its_labels_and_notation() {
    String scraped = """
        # HELP yizhan_utilization_visits_counted_total Visits counted into utilization
        # TYPE yizhan_utilization_visits_counted_total counter
        yizhan_utilization_visits_counted_total{application="visit-service"} 2.2598063E7
        yizhan_utilization_visits_duplicates_total{application="visit-service"} 40.0
        """;
    assertThat(UtilizationBenchmarks.counted(scraped)).isEqualTo(22_598_063L);
    assertThat(UtilizationBenchmarks.counted("yizhan_utilization_visits_counted_total 12.0\n")).isEqualTo(12L);
  }

  @Test
  void a_scrape_without_the_counter_says_where_it_looked() {
    assertThatThrownBy(() -> UtilizationBenchmarks.counted("yizhan_utilization_visits_duplicates_total 3.0\n"))
        .hasMessageContaining("yizhan_utilization_visits_counted_total")
        .hasMessageContaining("/actuator/prometheus");
  }
}
