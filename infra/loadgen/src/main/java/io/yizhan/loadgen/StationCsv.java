package io.yizhan.loadgen;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Demo stations as the bulk import's CSV: the API's field names as headers, hours and
 * amenities written the way a union office would write them in a cell.
 */
final class StationCsv {

  static final List<String> COLUMNS = List.of("name", "kind", "buildMode", "partner", "district", "areaType", "address",
      "latitude", "longitude", "capacity", "contactPhone", "hours", "amenities", "manager.name", "manager.phone",
      "regionalHead.name", "regionalHead.phone", "districtChief.name", "districtChief.phone");

  static String write(List<Map<String, Object>> stations) {
    StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append('\n');
    for (Map<String, Object> s : stations) {
      csv.append(COLUMNS.stream().map(column -> quote(cell(s, column))).collect(Collectors.joining(","))).append('\n');
    }
    return csv.toString();
  }

  @SuppressWarnings("unchecked")
  private static String cell(Map<String, Object> station, String column) {
    return switch (column) {
      case "hours" -> hours((Map<String, Object>) station.get("hours"));
      case "amenities" -> String.join("、", (List<String>) station.get("amenities"));
      default -> {
        if (column.contains(".")) {
          Map<String, String> person = (Map<String, String>) station.get(column.substring(0, column.indexOf('.')));
          yield person == null ? "" : person.getOrDefault(column.substring(column.indexOf('.') + 1), "");
        }
        Object value = station.get(column);
        yield value == null ? "" : value.toString();
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static String hours(Map<String, Object> hours) {
    if (Boolean.TRUE.equals(hours.get("alwaysOpen"))) {
      return "24小时";
    }
    Map<String, List<Map<String, String>>> weekly = (Map<String, List<Map<String, String>>>) hours.get("weekly");
    return weekly.entrySet().stream()
        .map(day -> day.getKey() + " " + day.getValue().stream()
            .map(range -> range.get("opens") + "-" + range.get("closes")).collect(Collectors.joining(",")))
        .collect(Collectors.joining("; "));
  }

  private static String quote(String value) {
    return value.contains(",") || value.contains("\"") || value.contains("\n")
        ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }

  private StationCsv() {}
}
