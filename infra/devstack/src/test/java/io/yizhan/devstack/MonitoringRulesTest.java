package io.yizhan.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.contracts.access.Role;
import io.yizhan.devstack.MonitoringRules.Selector;
import io.yizhan.issuer.DemoClients;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The alerts and the dashboard are complete and point somewhere real; that the metrics they read
 * exist is PlatformEndToEndTest's.
 */
class MonitoringRulesTest {

  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
  /** Chinese before any other letter ("503 拒绝 (requests refused)"). */
  private static final Pattern CHINESE_FIRST = Pattern.compile("^[^\\p{L}]*\\p{IsHan}");

  @Test
  @SuppressWarnings("unchecked")
  void every_alert_says_in_chinese_what_is_wrong_and_what_to_do_and_links_a_section_that_exists() throws Exception {
    MonitoringRules alerts = MonitoringRules.load();
    Set<String> sections = Files.readAllLines(PlatformEndToEndTest.repositoryRoot().resolve("docs/operations.md")).stream()
        .filter(line -> line.startsWith("## "))
        .map(MonitoringRulesTest::anchor)
        .collect(Collectors.toSet());

    assertThat(alerts.rules()).hasSizeGreaterThanOrEqualTo(10);
    Set<String> names = new HashSet<>();
    for (Map<String, Object> rule : alerts.rules()) {
      String name = (String) rule.get("alert");
      assertThat(names.add(name)).as("alert names are unique: %s", name).isTrue();
      assertThat((String) rule.get("expr")).as(name).isNotBlank();
      assertThat(rule.get("for")).as(name).isNotNull();
      assertThat(((Map<String, String>) rule.get("labels")).get("severity")).as(name).isIn("critical", "warning");
      Map<String, String> annotations = (Map<String, String>) rule.get("annotations");
      assertThat(annotations.get("summary")).as(name).containsPattern(CHINESE);
      assertThat(annotations.get("description")).as(name).containsPattern(CHINESE);
      assertThat(annotations.get("runbook")).as(name).startsWith("docs/operations.md#");
      assertThat(sections).as(name).contains(annotations.get("runbook").substring("docs/operations.md#".length()));
      assertThat(MonitoringRules.selectors((String) rule.get("expr"))).as(name).isNotEmpty();
    }
  }

  @Test
  void every_dashboard_panel_is_titled_in_chinese_first_and_queries_the_chosen_prometheus() throws Exception {
    List<JsonNode> panels = MonitoringRules.dashboardPanels();

    assertThat(panels).hasSizeGreaterThanOrEqualTo(8);
    assertThat(panels).extracting(panel -> panel.get("id").asInt()).doesNotHaveDuplicates();
    for (JsonNode panel : panels) {
      String title = panel.get("title").asString();
      assertThat(title).as("the first word is Chinese").containsPattern(CHINESE_FIRST);
      assertThat(panel.get("targets")).as(title).isNotEmpty();
      for (JsonNode target : panel.get("targets")) {
        assertThat(target.at("/datasource/uid").asString()).as(title).isEqualTo("${datasource}");
        assertThat(MonitoringRules.selectors(target.get("expr").asString())).as(title).isNotEmpty();
      }
    }
  }

  @Test
  void prometheus_scrapes_every_service_of_the_devstack_and_loads_the_alerts() throws Exception {
    String config = Files.readString(MonitoringRules.DIRECTORY.resolve("prometheus.yml"));

    assertThat(config).contains("- alerts.yml").contains("metrics_path: /actuator/prometheus");
    for (ServiceSpec service : ServiceSpec.defaults()) {
      assertThat(config).as(service.name()).contains("localhost:" + service.port() + "   # " + service.name());
    }
    // Metrics are for operations: the scrape signs in as the devstack's demo ops client.
    assertThat(config).contains("client_id: ops").contains("client_secret: " + DemoClients.SECRET)
        .contains("token_url: http://localhost:9000/oauth2/token");
    assertThat(DemoClients.authenticate("ops", DemoClients.SECRET)).get()
        .satisfies(grant -> assertThat(grant.roles()).containsExactly(Role.OPS));
  }

  @Test
  void the_metrics_an_expression_reads_are_found_and_nothing_else() {
    assertThat(MonitoringRules.selectors(
        "histogram_quantile(0.99, sum by (le) (rate(yizhan_utilization_freshness_seconds_bucket[5m]))) > 2"))
        .containsExactly(new Selector("yizhan_utilization_freshness_seconds_bucket", Set.of()));
    assertThat(MonitoringRules.selectors(
        "sum by (application, instance) (jvm_memory_used_bytes{area=\"heap\"}) / sum (jvm_memory_max_bytes{area=\"heap\", id!~\"a{b\"} > 0) > 0.9"))
        .containsExactly(new Selector("jvm_memory_used_bytes", Set.of("area")),
            new Selector("jvm_memory_max_bytes", Set.of("area", "id")));
    assertThat(MonitoringRules.selectors("up{job=\"yizhan\"} == 0 and on (instance) other_metric"))
        .extracting(Selector::metric).isEqualTo(List.of("up", "other_metric"));
  }

  @Test
  void a_scrape_is_read_as_each_metric_with_the_names_of_its_labels() {
    String scraped = """
        # HELP up_time_seconds something
        # TYPE up_time_seconds gauge
        up_time_seconds 3.0
        http_server_requests_seconds_count{application="gateway",status="503",uri="/a=\\"b"} 1.0
        http_server_requests_seconds_count{application="gateway",method="GET"} 2.0
        """;

    assertThat(MonitoringRules.labelsByMetric(scraped)).isEqualTo(Map.of(
        "up_time_seconds", Set.of(),
        "http_server_requests_seconds_count", Set.of("application", "status", "uri", "method")));
  }

  /** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
  private static String anchor(String heading) {
    return heading.substring(3).strip().toLowerCase().replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
  }
}
