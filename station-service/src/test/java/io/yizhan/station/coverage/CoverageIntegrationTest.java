package io.yizhan.station.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.yizhan.contracts.utilization.StandingChanged.Level;
import io.yizhan.station.registry.StationId;
import io.yizhan.station.registry.StationRegistryIntegrationTest;
import io.yizhan.station.standings.Standing;
import io.yizhan.station.standings.Standings;
import io.yizhan.testkit.TestHttp;
import io.yizhan.testkit.TestTokens;
import io.yizhan.testkit.YizhanIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriUtils;

@YizhanIntegrationTest
class CoverageIntegrationTest {

  /** Roughly 碑林区: 4.6 km × 3.3 km around the Bell Tower's south-east. */
  static final List<List<Double>> BEILIN = List.of(List.of(108.925, 34.235), List.of(108.975, 34.235),
      List.of(108.975, 34.265), List.of(108.925, 34.265), List.of(108.925, 34.235));

  @LocalServerPort int port;
  @Autowired Standings standings;

  @Test
  void coverage_follows_opening_hours_boundaries_and_demand() {
    WebTestClient http = TestHttp.client(port, TestTokens.cityAdmin());
    register(http, "碑林区钟楼全天爱心驿站", 34.2596, 108.9532, Map.of("alwaysOpen", true));
    register(http, "碑林区南门办公时间服务点", 34.2445, 108.9360, Map.of("alwaysOpen", false, "weekly",
        Map.of("MONDAY", List.of(Map.of("opens", "09:00", "closes", "17:00")))));
    http.put().uri("/api/coverage/areas/碑林区").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("type", "Polygon", "coordinates", List.of(BEILIN)))
        .exchange().expectStatus().isNoContent();

    // Monday 10:00 both are open; Saturday night only the 24/7 one.
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(report(http, "2026-11-30T10:00", false)
        .get("openStations")).isEqualTo(2));
    Map<String, Object> monday = report(http, "2026-11-30T10:00", false);
    Map<String, Object> saturdayNight = report(http, "2026-11-28T21:00", false);
    assertThat(saturdayNight.get("openStations")).isEqualTo(1);
    assertThat((Integer) saturdayNight.get("coveredCells")).isLessThan((Integer) monday.get("coveredCells"));
    assertThat(monday.get("extent")).isEqualTo("BOUNDARY");
    assertThat(monday.get("radiusMeters")).isEqualTo(923);
    assertThat((Double) monday.get("coveredShare")).isBetween(0.2, 0.8);
    List<?> gaps = (List<?>) monday.get("gaps");
    assertThat(gaps).isNotEmpty();
    @SuppressWarnings("unchecked")
    Map<String, Object> site = (Map<String, Object>) ((Map<String, Object>) gaps.get(0)).get("suggestedSite");
    assertThat((Double) site.get("latitude")).isBetween(34.235, 34.265);

    // Weighted: a busy depot out of reach counts more than the empty cells.
    http.get().uri("/api/coverage?district=碑林区&weighted=true").exchange().expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("weighted");
    http.put().uri("/api/coverage/demand?district=碑林区").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(List.of(
            Map.of("latitude", 34.2596, "longitude", 108.9540, "weight", 30, "label", "钟楼商圈"),
            Map.of("latitude", 34.2380, "longitude", 108.9720, "weight", 90, "label", "环卫所")))
        .exchange().expectStatus().isOk().expectBody().jsonPath("$.points").isEqualTo(2);
    Map<String, Object> weighted = http.get()
        .uri("/api/coverage?district=碑林区&weighted=true&at=2026-11-28T21:00&grid=true&sites=3")
        .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    assertThat(weighted.get("demand")).isEqualTo(120.0);
    assertThat(weighted.get("coveredDemandShare")).isEqualTo(0.25);
    // Three new stations asked for; one beside the depot reaches every worker left, so the plan ends there.
    assertThat((List<?>) weighted.get("nextSites")).singleElement().satisfies(planned -> {
      Map<?, ?> first = (Map<?, ?>) planned;
      assertThat(first.get("rank")).isEqualTo(1);
      assertThat(first.get("addsDemand")).isEqualTo(90.0);
      assertThat(first.get("coveredDemandShareAfter")).isEqualTo(1.0);
      assertThat((Double) ((Map<?, ?>) first.get("site")).get("latitude")).isBetween(34.230, 34.246);
    });
    assertThat((List<?>) monday.get("nextSites")).as("no plan unless asked").isEmpty();

    // Only where a venue could host it: a parcel post 700 m from the depot, a mall far from any
    // worker, and one outside the district.
    http.get().uri("/api/coverage?district=碑林区&sites=3&venuesOnly=true").exchange().expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("venuesOnly");
    http.put().uri("/api/coverage/venues?district=碑林区").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(List.of(
            Map.of("latitude", 34.2630, "longitude", 108.9300, "name", "商场服务台", "kind", "MALL_SERVICE_DESK"),
            Map.of("latitude", 34.2400, "longitude", 108.9650, "name", "菜鸟驿站（南稍门店）", "kind", "PARCEL_POST"),
            Map.of("latitude", 34.3000, "longitude", 108.9500, "name", "区外场所")))
        .exchange().expectStatus().isOk().expectBody().jsonPath("$.venues").isEqualTo(3);
    Map<String, Object> amongVenues = http.get()
        .uri("/api/coverage?district=碑林区&weighted=true&at=2026-11-28T21:00&sites=3&venuesOnly=true")
        .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    assertThat(amongVenues.get("candidateVenues")).isEqualTo(2);
    assertThat((List<?>) amongVenues.get("nextSites")).singleElement().satisfies(planned -> {
      Map<?, ?> first = (Map<?, ?>) planned;
      assertThat(first.get("addsDemand")).isEqualTo(90.0);
      assertThat(first.get("site")).isEqualTo(Map.of("latitude", 34.24, "longitude", 108.965));
      assertThat(first.get("venue")).isEqualTo(Map.of("name", "菜鸟驿站（南稍门店）", "kind", "PARCEL_POST",
          "kindLabel", "菜鸟驿站 / 快递驿站"));
    });
    http.get().uri("/api/coverage/venues?district=碑林区").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.length()").isEqualTo(3).jsonPath("$[2].kind").isEqualTo("OTHER");
    @SuppressWarnings("unchecked")
    Map<String, Object> grid = (Map<String, Object>) weighted.get("grid");
    assertThat(((String) grid.get("cells")).length()).isEqualTo((Integer) grid.get("rows") * (Integer) grid.get("cols"));

    // The planners' map draws the same answer.
    http.get().uri("/maps/coverage.html").exchange().expectStatus().isOk()
        .expectBody(String.class).value(page -> assertThat(page).contains("15 分钟服务圈", "/api/coverage?"));
  }

  @Test
  void a_plan_without_the_overloaded_stations_sites_relief_beside_them() {
    WebTestClient http = TestHttp.client(port, TestTokens.cityAdmin());
    // 莲湖区 here: 2.8 km × 2.2 km west of the other test's 碑林区, beyond walking reach of its
    // stations; a crowded station in the west and one with room in the east.
    http.put().uri("/api/coverage/areas/莲湖区").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(108.86, 34.26),
            List.of(108.89, 34.26), List.of(108.89, 34.28), List.of(108.86, 34.28), List.of(108.86, 34.26)))))
        .exchange().expectStatus().isNoContent();
    String crowded = register(http, "莲湖区西大街爱心驿站", "莲湖区", 34.270, 108.865, Map.of("alwaysOpen", true));
    register(http, "莲湖区北院门爱心驿站", "莲湖区", 34.270, 108.885, Map.of("alwaysOpen", true));
    http.put().uri("/api/coverage/demand?district=莲湖区").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(List.of(
            Map.of("latitude", 34.270, "longitude", 108.866, "weight", 100, "label", "西大街商圈"),
            Map.of("latitude", 34.270, "longitude", 108.884, "weight", 50, "label", "北院门")))
        .exchange().expectStatus().isOk();
    LocalDate to = LocalDate.now().minusDays(1);
    standings.keep(new Standing(new StationId(UUID.fromString(crowded)), Level.OVERLOADED, false, to.minusDays(27), to,
        Instant.now())).block();
    String question = "/api/coverage?district=莲湖区&weighted=true&sites=2";
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.get().uri(question)
        .exchange().expectBody(Map.class).returnResult().getResponseBody().get("openStations")).isEqualTo(2));

    // Within reach, everyone is covered: nothing to plan, and nobody asked about crowding.
    Map<?, ?> asCovered = http.get().uri(question).exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
    assertThat(asCovered.get("coveredDemandShare")).isEqualTo(1.0);
    assertThat((List<?>) asCovered.get("nextSites")).isEmpty();
    assertThat(asCovered.get("overloadedLeftOut")).isNull();

    // The crowded station serves no one more: its workers are a gap, and the plan's first
    // station goes beside it.
    Map<?, ?> withRoom = http.get().uri(question + "&withoutOverloaded=true").exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
    assertThat(withRoom.get("openStations")).isEqualTo(2);
    assertThat(withRoom.get("overloadedLeftOut")).isEqualTo(1);
    assertThat(withRoom.get("coveredDemandShare")).isEqualTo(0.3333);
    assertThat((List<?>) withRoom.get("nextSites")).singleElement().satisfies(planned -> {
      Map<?, ?> first = (Map<?, ?>) planned;
      assertThat(first.get("addsDemand")).isEqualTo(100.0);
      assertThat(first.get("coveredDemandShareAfter")).isEqualTo(1.0);
      assertThat((Double) ((Map<?, ?>) first.get("site")).get("longitude")).isBetween(108.855, 108.877);
    });
  }

  @Test
  void bad_questions_and_uploads_get_problem_details() {
    WebTestClient http = TestHttp.client(port, TestTokens.cityAdmin());
    http.get().uri("/api/coverage?minutes=0&cellMeters=10").exchange().expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[*].field").value(fields ->
            assertThat((List<Object>) fields).containsExactlyInAnyOrder("minutes", "cellMeters"));
    http.get().uri("/api/coverage?sites=51").exchange().expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("sites");
    http.get().uri("/api/coverage?at=星期六晚上").exchange().expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("at");
    http.get().uri("/api/coverage?district=不存在区").exchange().expectStatus().isNotFound();
    // Latitude and longitude swapped: the classic mistake, named.
    http.put().uri("/api/coverage/areas/碑林区").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(34.235, 108.925),
            List.of(34.235, 108.975), List.of(34.265, 108.975), List.of(34.235, 108.925)))))
        .exchange().expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[0].message").value(d -> assertThat((String) d).contains("填反"));
    http.put().uri("/api/coverage/demand?district=碑林区").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(List.of(Map.of("latitude", 34.25, "longitude", 108.95, "weight", -3)))
        .exchange().expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("[0].weight");
    http.put().uri("/api/coverage/venues?district=碑林区").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(List.of(Map.of("latitude", 34.25, "longitude", 108.95, "name", "小卖部", "kind", "SHOP"),
            Map.of("latitude", 34.25, "longitude", 108.95, "name", " ")))
        .exchange().expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[*].field").value(fields ->
            assertThat((List<Object>) fields).containsExactly("[0].kind", "[1].name"));
    // Only the city sets them.
    TestHttp.client(port, TestTokens.districtAdmin("碑林区")).put().uri("/api/coverage/venues?district=碑林区")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(List.of(Map.of("latitude", 34.25, "longitude", 108.95, "name", "菜鸟驿站")))
        .exchange().expectStatus().isForbidden();
  }

  @Test
  void venues_and_demand_come_from_the_sheets_districts_keep() throws Exception {
    WebTestClient http = TestHttp.client(port, TestTokens.cityAdmin());
    // Saved from Excel as CSV UTF-8 (with its BOM); kinds as people write them, one left empty.
    String csv = "\uFEFF场所名称,纬度,经度,场所类型,备注\n"
        + "菜鸟驿站（长乐路店）,34.2680,109.0010,菜鸟驿站,门口可停车\n"
        + "长乐坊社区服务中心,34.2700,108.9990,,\n";
    http.put().uri("/api/coverage/venues?district=新城区").contentType(new MediaType("text", "csv"))
        .bodyValue(csv.getBytes(StandardCharsets.UTF_8))
        .exchange().expectStatus().isOk().expectBody().jsonPath("$.venues").isEqualTo(2);
    http.get().uri("/api/coverage/venues?district=新城区").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$[0].kind").isEqualTo("PARCEL_POST").jsonPath("$[1].kind").isEqualTo("OTHER");

    // A bad row is named by its line in the file, and nothing of the file is stored.
    http.put().uri("/api/coverage/venues?district=新城区").contentType(new MediaType("text", "csv"))
        .bodyValue("场所名称,纬度,经度,场所类型\n好的场所,34.27,109.0,加油站\n小卖部,34.27,109.0,小卖部\n无坐标,,,\n"
            .getBytes(StandardCharsets.UTF_8))
        .exchange().expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[*].field").value(fields ->
            assertThat((List<Object>) fields).containsExactly("第3行.kind", "第4行.latitude"));
    http.get().uri("/api/coverage/venues?district=新城区").exchange().expectBody().jsonPath("$.length()").isEqualTo(2);
    http.put().uri("/api/coverage/venues?district=新城区").contentType(new MediaType("text", "csv"))
        .bodyValue("名字,lat\n甲,34\n".getBytes(StandardCharsets.UTF_8))
        .exchange().expectStatus().isBadRequest()
        .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("场所名称"));

    // Demand points from an Excel workbook.
    byte[] workbook;
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("需求点");
      Object[][] rows = {{"纬度", "经度", "权重", "名称"}, {34.2690, 109.0000, 40.0, "长乐路快递网点"}, {34.2710, 108.9980, 12.0, ""}};
      for (int r = 0; r < rows.length; r++) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < rows[r].length; c++) {
          if (rows[r][c] instanceof Double number) {
            row.createCell(c).setCellValue(number);
          } else {
            row.createCell(c).setCellValue((String) rows[r][c]);
          }
        }
      }
      book.write(out);
      workbook = out.toByteArray();
    }
    http.put().uri("/api/coverage/demand?district=新城区")
        .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .bodyValue(workbook)
        .exchange().expectStatus().isOk().expectBody().jsonPath("$.points").isEqualTo(2);
    http.get().uri("/api/coverage/demand?district=新城区").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.totalWeight").isEqualTo(52.0);

    // The sheets to fill in, for anyone to download: uploaded as they come, each is a valid file
    // of one example row.
    WebTestClient anyone = TestHttp.client(port);
    for (String kind : List.of("venues", "demand")) {
      byte[] template = anyone.get().uri("/api/coverage/{kind}/template.csv", kind).exchange()
          .expectStatus().isOk()
          .expectHeader().contentType("text/csv;charset=UTF-8")
          .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, d -> assertThat(d)
              .isEqualTo("attachment; filename=\"" + kind + "-template.csv\"; filename*=UTF-8''"
                  + UriUtils.encode((kind.equals("venues") ? "候选场所" : "需求点") + "模板.csv", StandardCharsets.UTF_8)))
          .expectBody(byte[].class).returnResult().getResponseBody();
      assertThat(new String(template, StandardCharsets.UTF_8)).startsWith("\uFEFF" + (kind.equals("venues")
          ? "场所名称,纬度,经度,场所类型\n" : "纬度,经度,权重,名称\n"));
      http.put().uri("/api/coverage/{kind}?district=新城区", kind).contentType(new MediaType("text", "csv"))
          .bodyValue(template)
          .exchange().expectStatus().isOk().expectBody().jsonPath(kind.equals("venues") ? "$.venues" : "$.points").isEqualTo(1);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> report(WebTestClient http, String at, boolean weighted) {
    return http.get().uri("/api/coverage?district=碑林区&at={at}&weighted={w}", at, weighted)
        .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
  }

  private static void register(WebTestClient http, String name, double lat, double lon, Map<String, Object> hours) {
    register(http, name, "碑林区", lat, lon, hours);
  }

  /** Returns the station's id. */
  private static String register(WebTestClient http, String name, String district, double lat, double lon,
      Map<String, Object> hours) {
    Map<String, Object> station = new HashMap<>(StationRegistryIntegrationTest.beilinStation());
    station.put("name", name);
    station.put("district", district);
    station.put("latitude", lat);
    station.put("longitude", lon);
    station.put("hours", hours);
    return (String) http.post().uri("/api/stations").contentType(MediaType.APPLICATION_JSON).bodyValue(station)
        .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
  }
}
