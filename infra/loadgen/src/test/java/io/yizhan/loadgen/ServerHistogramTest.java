package io.yizhan.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class ServerHistogramTest {

  private static final String CHECK_IN = "status=\"201\",uri=\"/api/visits\"";

  /** What a scrape looks like (le last): two statuses of check-ins, another endpoint, another family. */
  private static String scrape(int within10ms, int within50ms, int all) {
    return """
        # TYPE http_server_requests_seconds histogram
        http_server_requests_seconds_bucket{application="gateway",method="POST",status="201",uri="/api/visits",le="0.01"} %d
        http_server_requests_seconds_bucket{application="gateway",method="POST",status="201",uri="/api/visits",le="0.05"} %d
        http_server_requests_seconds_bucket{application="gateway",method="POST",status="201",uri="/api/visits",le="+Inf"} %d
        http_server_requests_seconds_bucket{application="gateway",method="POST",status="503",uri="/api/visits",le="0.01"} 7
        http_server_requests_seconds_bucket{application="gateway",method="POST",status="503",uri="/api/visits",le="0.05"} 7
        http_server_requests_seconds_bucket{application="gateway",method="POST",status="503",uri="/api/visits",le="+Inf"} 7
        http_server_requests_seconds_bucket{application="gateway",method="GET",status="200",uri="/api/stations",le="0.01"} 900
        http_server_requests_seconds_bucket{application="gateway",method="GET",status="200",uri="/api/stations",le="0.05"} 900
        http_server_requests_seconds_bucket{application="gateway",method="GET",status="200",uri="/api/stations",le="+Inf"} 900
        http_server_requests_seconds_count{application="gateway",method="POST",status="201",uri="/api/visits"} %d
        yizhan_utilization_freshness_seconds_bucket{application="gateway",le="0.05"} 5
        """.formatted(within10ms, within50ms, all, all);
  }

  @Test
  void reads_only_the_family_and_the_series_asked_for() {
    ServerHistogram histogram = ServerHistogram.parse(scrape(10, 90, 100), "http_server_requests_seconds",
        labels -> labels.contains(CHECK_IN));

    assertThat(histogram.buckets()).containsExactly(
        entry(0.01, 10.0),
        entry(0.05, 90.0),
        entry(Double.POSITIVE_INFINITY, 100.0));
  }

  @Test
  void a_window_is_what_was_answered_between_two_reads() {
    ServerHistogram before = ServerHistogram.parse(scrape(10, 90, 100), "http_server_requests_seconds",
        labels -> labels.contains(CHECK_IN));
    ServerHistogram after = ServerHistogram.parse(scrape(1_010, 1_980, 2_100), "http_server_requests_seconds",
        labels -> labels.contains(CHECK_IN));

    ServerHistogram window = after.since(before);

    assertThat(window.total()).isEqualTo(2_000);
    assertThat(window.shareWithin(0.05)).isEqualTo(0.945);
    assertThat(window.bound(0.5)).isEqualTo(0.01);
    assertThat(window.bound(0.9)).isEqualTo(0.05);
    assertThat(window.bound(0.99)).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void series_summed_across_the_statuses_that_match() {
    ServerHistogram histogram = ServerHistogram.parse(scrape(10, 90, 100), "http_server_requests_seconds",
        labels -> labels.contains("uri=\"/api/visits\""));

    assertThat(histogram.total()).isEqualTo(107);
    assertThat(histogram.shareWithin(0.01)).isEqualTo(17 / 107.0);
  }

  @Test
  void a_bound_that_is_not_a_bucket_is_refused_not_guessed() {
    ServerHistogram histogram = ServerHistogram.parse(scrape(10, 90, 100), "http_server_requests_seconds",
        labels -> labels.contains(CHECK_IN));

    assertThatThrownBy(() -> histogram.shareWithin(0.02)).hasMessageContaining("no bucket at 0.02");
    assertThat(ServerHistogram.parse("", "http_server_requests_seconds", labels -> true).isEmpty()).isTrue();
  }
}
