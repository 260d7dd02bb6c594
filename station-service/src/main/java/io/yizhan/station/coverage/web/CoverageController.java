package io.yizhan.station.coverage.web;

import io.yizhan.station.coverage.ComputingCoverage;
import io.yizhan.station.coverage.ComputingCoverage.Question;
import io.yizhan.station.coverage.CoverageReport;
import io.yizhan.station.coverage.DemandPoint;
import io.yizhan.station.coverage.PlanningArea;
import io.yizhan.station.coverage.PlanningAreas;
import io.yizhan.station.coverage.Venue;
import io.yizhan.station.sheets.Spreadsheet;
import io.yizhan.station.sheets.web.SheetTemplates;
import io.yizhan.hours.OpeningHours;
import io.yizhan.station.registry.GeoPoint;
import io.yizhan.support.problem.InvalidRequestException;
import io.yizhan.support.problem.InvalidRequestException.FieldProblem;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Planners: the 15-minute service circle, the boundaries and demand it is computed over, and the
 * candidate venues a plan of new stations may choose among.
 */
@RestController
class CoverageController {

  static final int MAX_DEMAND_POINTS = 50_000;
  static final int MAX_RING_POINTS = 20_000;
  static final int MAX_VENUES = 50_000;
  /** Said of a kind not known: the names a sheet may use, as planners write them, then the codes. */
  private static final String KIND_HINT = "场所类型应为以下之一："
      + Arrays.stream(Venue.Kind.values()).map(Venue.Kind::label).collect(Collectors.joining("、"))
      + "；也可写代码 " + Arrays.stream(Venue.Kind.values()).map(Enum::name).collect(Collectors.joining("、"))
      + "；不确定时留空";
  private static final Spreadsheet.Layout VENUE_SHEET = new Spreadsheet.Layout(
      columns("name", "场所名称", "latitude", "纬度", "longitude", "经度", "kind", "场所类型"), "name", "候选场所",
      "表头应为：场所名称、纬度、经度、场所类型（类型可留空）");
  private static final Spreadsheet.Layout DEMAND_SHEET = new Spreadsheet.Layout(
      columns("latitude", "纬度", "longitude", "经度", "weight", "权重", "label", "名称"), "weight", "需求点",
      "表头应为：纬度、经度、权重、名称（名称可留空）");

  private final ComputingCoverage computing;
  private final PlanningAreas areas;
  private final Clock clock;

  CoverageController(ComputingCoverage computing, PlanningAreas areas, Clock clock) {
    this.computing = computing;
    this.areas = areas;
    this.clock = clock;
  }

  /**
   * Share of the district (or city) within {@code minutes} on foot of a station open at
   * {@code at} (Asia/Shanghai wall-clock time such as {@code 2026-11-28T21:00}, or with an
   * offset; default now), on a grid of {@code cellMeters}; weighted by uploaded demand points when
   * {@code weighted}; with the {@code gaps} largest uncovered clusters and a plan of {@code sites}
   * new stations in the order to build them (only at uploaded candidate venues when
   * {@code venuesOnly}); with {@code withoutOverloaded}, stations whose latest standing is
   * overloaded serve no one, so the gaps and the plan show where to relieve them;
   * {@code grid=true} adds the cells for drawing.
   */
  @GetMapping("/api/coverage")
  Mono<CoverageReport> coverage(@RequestParam(required = false) @Nullable String district,
      @RequestParam(defaultValue = "15") int minutes,
      @RequestParam(required = false) @Nullable String at,
      @RequestParam(defaultValue = "250") int cellMeters,
      @RequestParam(defaultValue = "false") boolean weighted,
      @RequestParam(defaultValue = "10") int gaps,
      @RequestParam(defaultValue = "0") int sites,
      @RequestParam(defaultValue = "false") boolean venuesOnly,
      @RequestParam(defaultValue = "false") boolean withoutOverloaded,
      @RequestParam(defaultValue = "false") boolean grid) {
    return computing.compute(new Question(district(district), minutes,
        at(at), cellMeters, weighted, gaps, sites, venuesOnly, withoutOverloaded, grid));
  }

  /** A district's boundary as a GeoJSON Polygon geometry ([longitude, latitude] pairs, WGS-84). */
  @PutMapping("/api/coverage/areas/{district}")
  Mono<ResponseEntity<Void>> saveArea(@PathVariable String district, @RequestBody @Nullable Polygon polygon) {
    return Mono.defer(() -> areas.saveArea(new PlanningArea(district.strip(), ring(polygon))))
        .thenReturn(ResponseEntity.noContent().build());
  }

  /** Every uploaded boundary as a GeoJSON FeatureCollection, for maps. */
  @GetMapping("/api/coverage/areas")
  Mono<Map<String, Object>> areas() {
    return areas.areas()
        .map(a -> Map.<String, Object>of(
            "type", "Feature",
            "properties", Map.of("district", a.district()),
            "geometry", Map.of("type", "Polygon", "coordinates",
                List.of(a.ring().stream().map(p -> List.of(p.longitude(), p.latitude())).toList()))))
        .collectList()
        .map(features -> Map.of("type", "FeatureCollection", "features", features));
  }

  /** Replaces the district's demand points: {@code [{"latitude":…, "longitude":…, "weight":…, "label":"…"}]}. */
  @PutMapping(path = "/api/coverage/demand", consumes = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<Map<String, Object>>> replaceDemand(@RequestParam String district,
      @RequestBody @Nullable List<DemandRequest> points) {
    return Mono.defer(() -> saveDemand(district, demand(points, i -> "[" + i + "]")));
  }

  /** How many demand points a district (or the city) has, and their total weight. */
  @GetMapping("/api/coverage/demand")
  Mono<Map<String, Object>> demandSummary(@RequestParam(required = false) @Nullable String district) {
    @Nullable String d = district(district);
    return areas.demand(d)
        .reduce(new double[2], (sum, p) -> {
          sum[0]++;
          sum[1] += p.weight();
          return sum;
        })
        .map(sum -> Map.of("district", d == null ? "全市" : d, "points", (int) sum[0], "totalWeight", sum[1]));
  }

  /**
   * Replaces the district's candidate venues, places that could host a station:
   * {@code [{"latitude":…, "longitude":…, "name":"…", "kind":"PARCEL_POST"}]}; kinds at
   * {@code GET /api/coverage/venues/kinds}, {@code OTHER} when left out.
   */
  @PutMapping(path = "/api/coverage/venues", consumes = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<Map<String, Object>>> replaceVenues(@RequestParam String district,
      @RequestBody @Nullable List<VenueRequest> venues) {
    return Mono.defer(() -> saveVenues(district, checkedVenues(venues, i -> "[" + i + "]")));
  }

  /**
   * The same from the sheet a district keeps: CSV (UTF-8) or Excel, headers 场所名称, 纬度, 经度,
   * 场所类型 (a code or the label, as 菜鸟驿站; may be empty); a bad row is named by its line.
   */
  @PutMapping(path = "/api/coverage/venues", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, Spreadsheet.XLSX})
  Mono<ResponseEntity<Map<String, Object>>> replaceVenuesFromSheet(@RequestParam String district,
      @RequestHeader(HttpHeaders.CONTENT_TYPE) String type, @RequestBody byte[] file) {
    return fromSheet(file, type, VENUE_SHEET, MAX_VENUES, (rows, line) -> checkedVenues(rows.stream()
            .map(r -> new VenueRequest(number(r.cell("latitude")), number(r.cell("longitude")), r.cell("name"),
                r.cell("kind")))
            .toList(), line))
        .flatMap(checked -> saveVenues(district, checked));
  }

  /** Demand points from a sheet: headers 纬度, 经度, 权重, 名称 (may be empty). */
  @PutMapping(path = "/api/coverage/demand", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, Spreadsheet.XLSX})
  Mono<ResponseEntity<Map<String, Object>>> replaceDemandFromSheet(@RequestParam String district,
      @RequestHeader(HttpHeaders.CONTENT_TYPE) String type, @RequestBody byte[] file) {
    return fromSheet(file, type, DEMAND_SHEET, MAX_DEMAND_POINTS, (rows, line) -> demand(rows.stream()
            .map(r -> new DemandRequest(number(r.cell("latitude")), number(r.cell("longitude")), number(r.cell("weight")),
                r.cell("label")))
            .toList(), line))
        .flatMap(checked -> saveDemand(district, checked));
  }

  private Mono<ResponseEntity<Map<String, Object>>> saveVenues(String district, List<Venue> checked) {
    return areas.replaceVenues(district.strip(), checked)
        .thenReturn(ResponseEntity.ok(Map.<String, Object>of("district", district.strip(), "venues", checked.size())));
  }

  private Mono<ResponseEntity<Map<String, Object>>> saveDemand(String district, List<DemandPoint> checked) {
    return areas.replaceDemand(district.strip(), checked)
        .thenReturn(ResponseEntity.ok(Map.<String, Object>of("district", district.strip(), "points", checked.size())));
  }

  /**
   * Reads an uploaded sheet off the event loop (a workbook of 50,000 rows takes a moment) and
   * checks its rows as the JSON upload's, each problem named by the row's line in the file.
   */
  private static <T> Mono<T> fromSheet(byte[] file, String type, Spreadsheet.Layout layout, int maxRows,
      BiFunction<List<Spreadsheet.Row>, IntFunction<String>, T> check) {
    return Mono.fromCallable(() -> {
      List<Spreadsheet.Row> rows = type.startsWith(Spreadsheet.XLSX)
          ? Spreadsheet.readXlsx(file, maxRows, layout)
          : Spreadsheet.readCsv(file, maxRows, layout);
      return check.apply(rows, i -> "第" + rows.get(i).line() + "行");
    }).subscribeOn(Schedulers.boundedElastic());
  }

  /** A cell's number, or null when it holds none (the check then names the row). */
  private static @Nullable Double number(String cell) {
    try {
      return cell.isBlank() ? null : Double.valueOf(cell.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A venues sheet to fill in: the headers and one example row. */
  @GetMapping("/api/coverage/venues/template.csv")
  ResponseEntity<byte[]> venuesTemplate() {
    return SheetTemplates.download(VENUE_SHEET.templateCsv("菜鸟驿站（长乐路店）,34.2680,109.0010,菜鸟驿站"),
        "venues-template.csv", "候选场所模板.csv");
  }

  /** A demand sheet to fill in: the headers and one example row. */
  @GetMapping("/api/coverage/demand/template.csv")
  ResponseEntity<byte[]> demandTemplate() {
    return SheetTemplates.download(DEMAND_SHEET.templateCsv("34.2690,109.0000,40,长乐路快递网点"),
        "demand-template.csv", "需求点模板.csv");
  }

  /** A district's (or every district's) candidate venues, for the planners' map. */
  @GetMapping("/api/coverage/venues")
  Flux<Map<String, Object>> venues(@RequestParam(required = false) @Nullable String district) {
    return areas.venues(district(district))
        .map(v -> Map.of("latitude", v.latitude(), "longitude", v.longitude(), "name", v.name(),
            "kind", v.kind(), "kindLabel", v.kind().label()));
  }

  /** The kinds of venue, with the labels the map shows. */
  @GetMapping("/api/coverage/venues/kinds")
  List<Map<String, String>> venueKinds() {
    return Arrays.stream(Venue.Kind.values()).map(k -> Map.of("kind", k.name(), "label", k.label())).toList();
  }

  private static Map<String, String> columns(String... fieldsAndHeaders) {
    Map<String, String> columns = new LinkedHashMap<>();
    for (int i = 0; i < fieldsAndHeaders.length; i += 2) {
      columns.put(fieldsAndHeaders[i], fieldsAndHeaders[i + 1]);
    }
    return columns;
  }

  record VenueRequest(@Nullable Double latitude, @Nullable Double longitude, @Nullable String name,
      @Nullable String kind) {}

  record Polygon(@Nullable String type, @Nullable List<List<List<Double>>> coordinates) {}

  record DemandRequest(@Nullable Double latitude, @Nullable Double longitude, @Nullable Double weight,
      @Nullable String label) {}

  /** The district asked about, or null for the whole city. */
  private static @Nullable String district(@Nullable String district) {
    return district == null || district.isBlank() ? null : district.strip();
  }

  private ZonedDateTime at(@Nullable String at) {
    if (at == null || at.isBlank()) {
      return clock.instant().atZone(OpeningHours.CITY);
    }
    try {
      return OffsetDateTime.parse(at).atZoneSameInstant(OpeningHours.CITY);
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(at).atZone(OpeningHours.CITY);
      } catch (DateTimeParseException e) {
        throw new InvalidRequestException("at", "时间格式应为 2026-11-28T21:00（北京时间）");
      }
    }
  }

  private static List<GeoPoint> ring(@Nullable Polygon polygon) {
    if (polygon == null || !"Polygon".equals(polygon.type()) || polygon.coordinates() == null
        || polygon.coordinates().isEmpty()) {
      throw new InvalidRequestException("type", "请上传 GeoJSON 多边形：{\"type\":\"Polygon\",\"coordinates\":[[[经度,纬度],…]]}");
    }
    List<List<Double>> outer = polygon.coordinates().get(0);
    List<FieldProblem> problems = new ArrayList<>();
    if (outer == null || outer.size() < 4 || outer.size() > MAX_RING_POINTS) {
      throw new InvalidRequestException("coordinates", "边界应为闭合环，4 到 " + MAX_RING_POINTS + " 个点（首尾相同）");
    }
    List<GeoPoint> ring = new ArrayList<>();
    for (int i = 0; i < outer.size(); i++) {
      List<Double> p = outer.get(i);
      if (p == null || p.size() < 2 || p.get(0) == null || p.get(1) == null) {
        problems.add(new FieldProblem("coordinates[0][" + i + "]", "每个点应为 [经度, 纬度]"));
        continue;
      }
      GeoPoint point = new GeoPoint(p.get(1), p.get(0));
      if (!point.isInChina()) {
        problems.add(new FieldProblem("coordinates[0][" + i + "]", "点不在中国境内：GeoJSON 的顺序是 [经度, 纬度]，请检查是否填反"));
      }
      ring.add(point);
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("边界有误。", problems);
    }
    return ring;
  }

  private static List<Venue> checkedVenues(@Nullable List<VenueRequest> venues, IntFunction<String> row) {
    if (venues == null || venues.isEmpty() || venues.size() > MAX_VENUES) {
      throw new InvalidRequestException("venues", "请上传 1 到 " + MAX_VENUES + " 个候选场所");
    }
    List<FieldProblem> problems = new ArrayList<>();
    List<Venue> checked = new ArrayList<>(venues.size());
    for (int i = 0; i < venues.size() && problems.size() < 100; i++) {
      VenueRequest v = venues.get(i);
      String at = row.apply(i);
      Venue.@Nullable Kind kind = v == null ? null : kind(v.kind());
      if (v == null || v.latitude() == null || v.longitude() == null
          || !new GeoPoint(v.latitude(), v.longitude()).isInChina()) {
        problems.add(new FieldProblem(at + ".latitude", "请填写中国境内的经纬度（WGS-84）"));
      } else if (v.name() == null || v.name().isBlank() || v.name().strip().length() > 100) {
        problems.add(new FieldProblem(at + ".name", "请填写场所名称（100 字以内），例如“菜鸟驿站（长安路店）”"));
      } else if (kind == null) {
        problems.add(new FieldProblem(at + ".kind", KIND_HINT));
      } else {
        checked.add(new Venue(v.latitude(), v.longitude(), v.name().strip(), kind));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("候选场所有误（最多列出 100 处）。", problems);
    }
    return checked;
  }

  /** The kind named, {@code OTHER} when none is, null when the name is not a kind. */
  private static Venue.@Nullable Kind kind(@Nullable String name) {
    if (name == null || name.isBlank()) {
      return Venue.Kind.OTHER;
    }
    return Venue.Kind.named(name);
  }

  private static List<DemandPoint> demand(@Nullable List<DemandRequest> points, IntFunction<String> row) {
    if (points == null || points.isEmpty() || points.size() > MAX_DEMAND_POINTS) {
      throw new InvalidRequestException("points", "请上传 1 到 " + MAX_DEMAND_POINTS + " 个需求点");
    }
    List<FieldProblem> problems = new ArrayList<>();
    List<DemandPoint> checked = new ArrayList<>(points.size());
    for (int i = 0; i < points.size(); i++) {
      DemandRequest p = points.get(i);
      String at = row.apply(i);
      if (p == null || p.latitude() == null || p.longitude() == null
          || !new GeoPoint(p.latitude(), p.longitude()).isInChina()) {
        problems.add(new FieldProblem(at + ".latitude", "请填写中国境内的经纬度（WGS-84）"));
      } else if (p.weight() == null || !(p.weight() > 0) || p.weight().isInfinite()) {
        problems.add(new FieldProblem(at + ".weight", "权重应为正数，例如该处每天的户外劳动者人数"));
      } else {
        checked.add(new DemandPoint(p.latitude(), p.longitude(), p.weight(),
            p.label() == null || p.label().isBlank() ? "需求点" : p.label().strip()));
      }
      if (problems.size() >= 100) {
        break;
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("需求点有误（最多列出 100 处）。", problems);
    }
    return checked;
  }
}
