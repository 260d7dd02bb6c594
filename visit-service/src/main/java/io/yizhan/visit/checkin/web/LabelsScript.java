package io.yizhan.visit.checkin.web;

import io.yizhan.contracts.visit.ServiceUsed;
import io.yizhan.contracts.visit.WorkerType;
import io.yizhan.visit.utilization.BusyIdle;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The names of worker types, services and busy/idle levels for the dashboards' pages, as a script
 * they load before their own: {@code YizhanLabels.workers.FOOD_DELIVERY} is "外卖配送员",
 * {@code YizhanLabels.levels.UNDERUSED} "闲置". Written from the enums'
 * labels, which the station's QR page uses too, so a worker tapping a button, a manager
 * registering a visit and the union reading the figures see the same word for the same thing.
 */
@RestController
class LabelsScript {

  private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);

  private final String script;

  LabelsScript(JsonMapper json) {
    Map<String, Map<String, String>> labels = new LinkedHashMap<>();
    labels.put("workers", byName(WorkerType.values(), WorkerType::label));
    labels.put("services", byName(ServiceUsed.values(), ServiceUsed::label));
    labels.put("levels", byName(BusyIdle.Level.values(), BusyIdle.Level::label));
    this.script = "const YizhanLabels = Object.freeze(" + json.writeValueAsString(labels) + ");\n";
  }

  @GetMapping("/dashboards/labels.js")
  ResponseEntity<String> labels() {
    return ResponseEntity.ok().contentType(JAVASCRIPT).body(script);
  }

  /** In the enum's order, which is the order the figures are drawn in. */
  private static <E extends Enum<E>> Map<String, String> byName(E[] values, Function<E, String> label) {
    Map<String, String> byName = new LinkedHashMap<>();
    Arrays.stream(values).forEach(v -> byName.put(v.name(), label.apply(v)));
    return byName;
  }
}
