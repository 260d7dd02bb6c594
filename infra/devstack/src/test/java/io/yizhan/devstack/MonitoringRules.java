package io.yizhan.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The ops team's Prometheus alerts and Grafana dashboard (infra/monitoring), read for the tests. */
record MonitoringRules(List<Map<String, Object>> rules) {

  static final Path DIRECTORY = PlatformEndToEndTest.repositoryRoot().resolve("infra/monitoring");

  /** A metric an alert reads, with the labels it selects on. */
  record Selector(String metric, Set<String> labels) {}

  private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\{[^}]*})?");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)");
  private static final Set<String> NOT_METRICS = Set.of("by", "without", "on", "ignoring", "group_left",
      "group_right", "and", "or", "unless", "bool", "offset");

  @SuppressWarnings("unchecked")
  static MonitoringRules load() throws IOException {
    try (InputStream in = Files.newInputStream(DIRECTORY.resolve("alerts.yml"))) {
      Map<String, Object> document = new Yaml().load(in);
      List<Map<String, Object>> rules = new ArrayList<>();
      for (Map<String, Object> group : (List<Map<String, Object>>) document.get("groups")) {
        rules.addAll((List<Map<String, Object>>) group.get("rules"));
      }
      return new MonitoringRules(rules);
    }
  }

  /** The Grafana dashboard (infra/monitoring/grafana-dashboard.json): its panels. */
  static List<JsonNode> dashboardPanels() throws IOException {
    JsonNode dashboard = JsonMapper.builder().build().readTree(DIRECTORY.resolve("grafana-dashboard.json").toFile());
    List<JsonNode> panels = new ArrayList<>();
    dashboard.get("panels").forEach(panels::add);
    return panels;
  }

  /** Every query of every alert and dashboard panel: what must read metrics that exist. */
  static List<String> expressions() throws IOException {
    List<String> expressions = new ArrayList<>();
    load().rules().forEach(rule -> expressions.add((String) rule.get("expr")));
    for (JsonNode panel : dashboardPanels()) {
      panel.get("targets").forEach(target -> expressions.add(target.get("expr").asString()));
    }
    return expressions;
  }

  private static final Pattern SERIES = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*})?\\s");
  private static final Pattern SCRAPED_LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");

  /** Each metric of a scrape (Prometheus's text format) with the names of the labels its series carry. */
  static Map<String, Set<String>> labelsByMetric(String scraped) {
    Map<String, Set<String>> labelsByMetric = new HashMap<>();
    for (String line : scraped.split("\n")) {
      Matcher series = SERIES.matcher(line);
      if (!line.startsWith("#") && series.find()) {
        Set<String> labels = labelsByMetric.computeIfAbsent(series.group(1), k -> new TreeSet<>());
        if (series.group(2) != null) {
          // A quote inside a value is escaped (\"), so name=" only ever starts a label.
          SCRAPED_LABEL.matcher(series.group(2)).results().forEach(label -> labels.add(label.group(1)));
        }
      }
    }
    return labelsByMetric;
  }

  /**
   * The metrics an expression reads: every name that is not a function (followed by "("), a
   * keyword, a label in a grouping clause, or inside a string or a range.
   */
  static List<Selector> selectors(String expression) {
    String plain = expression
        .replaceAll("\\[[^]]*]", " ")
        .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ");
    List<Selector> selectors = new ArrayList<>();
    Matcher m = SELECTOR.matcher(plain);
    while (m.find()) {
      String name = m.group(1);
      int after = m.end(1);
      boolean function = m.group(2) == null && plain.substring(after).stripLeading().startsWith("(");
      if (function || NOT_METRICS.contains(name) || Character.isDigit(name.charAt(0))) {
        continue;
      }
      Set<String> labels = new TreeSet<>();
      if (m.group(2) != null) {
        Matcher label = LABEL.matcher(m.group(2).replaceAll("\"[^\"]*\"", "\"\""));
        while (label.find()) {
          labels.add(label.group(1));
        }
      }
      selectors.add(new Selector(name, labels));
    }
    return selectors;
  }
}
