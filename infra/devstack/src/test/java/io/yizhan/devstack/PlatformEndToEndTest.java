package io.yizhan.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.EventJson;
import io.yizhan.contracts.Topics;
import io.yizhan.contracts.utilization.StandingChanged;
import io.yizhan.loadgen.Credentials;
import io.yizhan.testkit.Database;
import io.yizhan.testkit.Infrastructure;
import io.yizhan.testkit.TestHttp;
import io.yizhan.testkit.TestTokens;
import io.yizhan.testkit.TopicProbe;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The platform as it runs: every service its own JVM from its runnable jar, real Kafka and
 * PostgreSQL, and every request through the gateway.
 */
class PlatformEndToEndTest {

  static Devstack platform;
  static List<ServiceSpec> specs;
  static final Map<String, Database> databases = new HashMap<>();
  /** The city union, signed in. */
  static WebTestClient gateway;
  /** A worker's phone: no token. */
  static WebTestClient phone;
  static final TopicProbe kafka = TopicProbe.onTestBroker();

  @BeforeAll
  static void startPlatform() throws Exception {
    Map<String, String> infrastructure = new HashMap<>();
    infrastructure.put("KAFKA_BOOTSTRAP_SERVERS", Infrastructure.kafkaBootstrapServers());
    infrastructure.put("YIZHAN_ISSUER_URI", TestTokens.issuer().issuer().toString());
    specs = new ArrayList<>();
    for (ServiceSpec spec : ServiceSpec.defaults()) {
      ServiceSpec placed = spec.onPort(freePort());
      if (!spec.isGateway()) {
        Database database = Infrastructure.newDatabase(spec.database());
        databases.put(spec.name(), database);
        placed = placed.withDatabase(database.name());
        infrastructure.put("YIZHAN_DB_HOST", database.host());
        infrastructure.put("YIZHAN_DB_PORT", String.valueOf(database.port()));
        infrastructure.put("YIZHAN_DB_USER", database.username());
        infrastructure.put("YIZHAN_DB_PASSWORD", database.password());
      }
      specs.add(placed);
    }
    Path home = Files.createTempDirectory("yizhan-e2e");
    platform = new Devstack(repositoryRoot(), home, specs, infrastructure);
    platform.startAll(Duration.ofSeconds(240));
    // Staff ask the issuer for a token as the load generator does (client credentials).
    Credentials.useTokenEndpoint(TestTokens.issuer().tokenUri());
    gateway = TestHttp.client(spec("gateway").baseUrl(), Credentials.bearer(Credentials.CITY_ADMIN));
    phone = TestHttp.client(spec("gateway").baseUrl());
  }

  @AfterAll
  static void stopPlatform() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void a_station_registered_through_the_gateway_flows_to_every_service() {
    String station = register("碑林区光大银行爱心驿站");

    // notification-service told the manager, from station.registered alone.
    await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
        gateway.get().uri("/api/notifications?stationId={id}", station).exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.length()").isEqualTo(1)
            .jsonPath("$[0].recipientName").isEqualTo("王丽"));

    // visit-service accepts a worker's check-in once its replica knows the station.
    String visitId = UUID.randomUUID().toString();
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        phone.post().uri("/api/visits").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("visitId", visitId, "stationId", station, "workerType", "FOOD_DELIVERY",
                "services", List.of("WATER", "CHARGING")))
            .exchange()
            .expectStatus().value(status -> assertThat(status).isIn(200, 201)));

    // The day's count, derived from visit.events.v1.
    await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
        gateway.get().uri("/api/utilization/stations/{id}", station).exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.visits").isEqualTo(1));

    // assessment-service's indicators, fed by events, not calls.
    await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
        gateway.get().uri("/api/assessments/stations/{id}/indicators", station).exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.name").isEqualTo("碑林区光大银行爱心驿站")
            .jsonPath("$.visitsTotal").isEqualTo(1)
            .jsonPath("$.newEmploymentShare").isEqualTo(1.0));

    // A check-in for a station nobody registered is refused with a problem detail.
    gateway.post().uri("/api/visits").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("stationId", UUID.randomUUID().toString(), "workerType", "COURIER"))
        .exchange()
        .expectStatus().isBadRequest()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("stationId");
  }

  @Test
  void a_station_becoming_overloaded_is_told_to_its_manager_in_a_notice() {
    String station = register("钟楼环卫工人驿站");
    // What visit-service publishes when a round of standings finds the station overloaded (its
    // rounds judge whole past weeks, which a station registered now has none of; the publishing
    // is UtilizationIntegrationTest's): station-service names whom to tell, notification-service writes it.
    LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
    kafka.send(Topics.UTILIZATION_EVENTS, station, EventJson.write(EventEnvelope.of(StandingChanged.TYPE,
        "visit-service", station, Instant.now(), new StandingChanged(station, "钟楼环卫工人驿站", "碑林区",
            StandingChanged.Level.OVERLOADED, null, false, yesterday.minusDays(27), yesterday, 2268, 6.75, 2.4, 1.15,
            0.02, List.of("每座位日均 6.8 人次，是本区中位站点的 2.4 倍"), "考虑延长开放时间、增加座位，或在附近增设站点分流"))));

    // Two minutes: when another test has just killed station-service, the killed instance keeps its
    // share of the standings' partitions until Kafka gives up on it (its session, 45 s), and only
    // then does the new instance read them.
    await().atMost(Duration.ofSeconds(120)).ignoreExceptions().untilAsserted(() ->
        gateway.get().uri("/api/notifications?stationId={id}", station).exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$[?(@.kind == 'STANDING_FLAGGED')].recipientName").isEqualTo("王丽")
            .jsonPath("$[?(@.kind == 'STANDING_FLAGGED')].subject").isEqualTo("站点使用超负荷：钟楼环卫工人驿站"));
  }

  @Test
  void a_station_service_killed_between_commit_and_publish_publishes_after_restart_and_it_is_applied_once()
      throws Exception {
    ServiceSpec stationService = spec("station-service");
    // The relay switched off: a registration commits with its outbox row and goes no further,
    // exactly the state a crash right after the commit leaves behind.
    platform.kill(stationService.name());
    platform.start(stationService, Map.of("YIZHAN_OUTBOX_RELAY_ENABLED", "false"));
    platform.awaitReady(List.of(stationService), Duration.ofSeconds(120));

    String station = register("莲湖区桃园路街道第一中心社区爱心驿站");
    assertThat(unpublishedOutboxRows(station)).isEqualTo(1);
    assertThat(kafka.recordsContaining(Topics.STATION_EVENTS, station)).isEmpty();

    platform.kill(stationService.name());
    platform.start(stationService, Map.of());
    platform.awaitReady(List.of(stationService), Duration.ofSeconds(120));

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      assertThat(unpublishedOutboxRows(station)).isZero();
      assertThat(kafka.recordsContaining(Topics.STATION_EVENTS, station)).hasSize(1);
    });
    await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
        gateway.get().uri("/api/notifications?stationId={id}", station).exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1));
    gateway.get().uri("/api/stations/{id}", station).exchange().expectStatus().isOk();
  }

  @Test
  void visit_service_killed_while_counting_counts_every_accepted_visit_once_after_restart() throws Exception {
    String station = register("碑林区南门外爱心驿站");
    String checkIn = "{\"stationId\":\"" + station + "\",\"workerType\":\"COURIER\",\"services\":[\"WATER\"]}";
    await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
        gateway.post().uri("/api/visits").contentType(MediaType.APPLICATION_JSON).bodyValue(checkIn).exchange()
            .expectStatus().isCreated());
    // 40,000 visits in four batches: counting runs behind them.
    String run = UUID.randomUUID().toString();
    for (int b = 0; b < 4; b++) {
      StringBuilder body = new StringBuilder();
      for (int i = 0; i < 10_000; i++) {
        body.append("{\"visitId\":\"kill-").append(run).append('-').append(b).append('-').append(i)
            .append("\",\"stationId\":\"").append(station).append("\",\"workerType\":\"SANITATION\",")
            .append("\"visitedAt\":\"").append(Instant.now().minusSeconds(i)).append("\",\"services\":[\"REST\"]}\n");
      }
      gateway.post().uri("/api/visits/batch").contentType(MediaType.parseMediaType("application/x-ndjson"))
          .bodyValue(body.toString()).exchange().expectStatus().isOk()
          .expectBody().jsonPath("$.accepted").isEqualTo(10_000);
    }
    Map<?, ?> before = reconciliation(station);
    ServiceSpec visitService = spec("visit-service");
    platform.kill(visitService.name());
    platform.start(visitService, Map.of());
    platform.awaitReady(List.of(visitService), Duration.ofSeconds(120));

    await().atMost(Duration.ofSeconds(120)).ignoreExceptions().untilAsserted(() -> {
      Map<?, ?> after = reconciliation(station);
      assertThat(after.get("balanced")).isEqualTo(true);
      assertThat(((Number) ((Map<?, ?>) after.get("totals")).get("counted")).longValue()).isEqualTo(40_001);
    });
    // Said for the record: how far counting had got when the process died.
    System.out.println("counted when killed: " + ((Map<?, ?>) before.get("totals")).get("counted") + " of 40001");
  }

  static Map<?, ?> reconciliation(String station) {
    return gateway.get().uri("/api/utilization/reconciliation?station={id}&from={from}", station,
            Instant.now().minus(Duration.ofDays(1)).toString())
        .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
  }

  @Test
  void the_utilization_dashboard_draws_where_stations_are_busy_or_idle_and_opens_a_station_in_a_browser()
      throws Exception {
    Path chromium = chromiumOrSkip();
    String district = "浏览器区" + UUID.randomUUID().toString().substring(0, 6);
    // One seat at the busy one; both in use for more than a week (the district's feed sends their
    // first visits from eight days ago), so that both are judged rather than new.
    String busy = register("地图繁忙站", district, 34.2596, 108.9532, 1);
    String quiet = register("地图冷清站", district, 34.2701, 108.9702);
    // Listed today: ranked, but new (新站), not judged idle.
    String fresh = register("地图新站", district, 34.2650, 108.9600);
    String eightDaysAgo = Instant.now().minus(Duration.ofDays(8)).truncatedTo(ChronoUnit.HOURS).toString();
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        gateway.post().uri("/api/visits").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("visitId", "map-first-" + busy, "stationId", busy, "workerType", "COURIER",
                "services", List.of("WATER")))
            .exchange().expectStatus().value(status -> assertThat(status).isIn(200, 201)));
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 29; i++) {
      lines.append("{\"visitId\":\"map-").append(i).append('-').append(busy).append("\",\"stationId\":\"").append(busy)
          .append("\",\"visitedAt\":\"").append(eightDaysAgo)
          .append("\",\"workerType\":\"SANITATION\",\"services\":[\"TOILET\"]}\n");
    }
    lines.append("{\"visitId\":\"map-quiet-").append(quiet).append("\",\"stationId\":\"").append(quiet)
        .append("\",\"visitedAt\":\"").append(eightDaysAgo).append("\",\"workerType\":\"SANITATION\"}\n");
    gateway.post().uri("/api/visits/batch").contentType(MediaType.parseMediaType("application/x-ndjson"))
        .bodyValue(lines.toString()).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.accepted").isEqualTo(30);
    await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
        gateway.get().uri("/api/utilization/stations?district={d}", district).exchange()
            .expectStatus().isOk().expectBody()
            .jsonPath("$.stations.length()").isEqualTo(3)
            .jsonPath("$.stations[?(@.stationId == '" + busy + "')].visits").isEqualTo(30)
            .jsonPath("$.stations[?(@.stationId == '" + fresh + "')].level").isEqualTo("NEW"));

    // The district's boundary, as a planner uploads it for coverage: the map draws and names it.
    gateway.put().uri("/api/coverage/areas/{d}", district).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(108.94, 34.25),
            List.of(108.98, 34.25), List.of(108.98, 34.28), List.of(108.94, 34.28), List.of(108.94, 34.25)))))
        .exchange().expectStatus().isNoContent();

    String page = spec("gateway").baseUrl() + "/dashboards/utilization.html?district="
        + URLEncoder.encode(district, UTF_8) + "&station=" + busy;
    String dom = HeadlessChromium.dumpDom(chromium, page, Duration.ofSeconds(20));

    // Every request answered: the status line names the period, not an error.
    assertThat(dom).containsPattern("<span id=\"status\" class=\"\">统计期 [0-9-]+ 至 [0-9-]+");
    // The stations on the map, where they stand against each other, the busy one chosen.
    assertThat(dom).containsPattern("<circle class=\"station OVERLOADED chosen\"[^>]*data-station=\"" + busy + "\"");
    assertThat(dom).containsPattern("<circle class=\"station UNDERUSED\"[^>]*data-station=\"" + quiet + "\"");
    assertThat(dom).containsPattern("<circle class=\"station NEW\"[^>]*data-station=\"" + fresh + "\"");
    assertThat(dom).contains("共 3 个站点：超负荷 1，正常 0，闲置 1，新站（启用不足一周，暂不评判）1，");
    // The district's ranking, from the same figures, busiest first.
    assertThat(dom).containsPattern("<tr data-station=\"" + busy + "\"><td>1</td><td>地图繁忙站</td>");
    assertThat(dom).containsPattern("<tr data-station=\"" + quiet + "\"><td>2</td><td>地图冷清站</td>");
    assertThat(dom).contains("href=\"/api/utilization/stations.csv?district=" + URLEncoder.encode(district, UTF_8));
    // The link opened the station's details: its visits and who came.
    assertThat(dom).containsPattern("<section class=\"wide\" id=\"station\">");
    assertThat(dom).contains("地图繁忙站（" + district + "）").contains("环卫工人 29").contains("快递员 1");
    assertThat(dom).containsPattern("id=\"stationVisits\">30<");
    // Its charts say in words what they draw, for those who cannot see them.
    assertThat(dom).containsPattern("<canvas id=\"stationTrend\"[^>]*aria-label=\"每日到访：28 个时段共 30 人次");
    assertThat(dom).containsPattern("<canvas id=\"stationHeat\"[^>]*aria-label=\"星期 × 小时的到访：最忙是周.");
    assertThat(dom).containsPattern("<polygon class=\"area\" data-district=\"" + district + "\"");
    assertThat(dom).containsPattern("<text class=\"areaName\"[^>]*>" + district + "</text>");

    // In the city's view, a click on the district's outline opens the district.
    try (BrowserSession browser = BrowserSession.open(chromium, spec("gateway").baseUrl() + "/dashboards/utilization.html")) {
      String outline = "document.querySelector('#map .area.pick[data-district=\"" + district + "\"]')";
      browser.await("!!" + outline, Duration.ofSeconds(30));
      // The city's view compares its districts: this one's three stations, 31 visits, one of each
      // extreme and a new one, which the three levels leave out and the row names.
      String row = "document.querySelector('#districts tr[data-district=\"" + district + "\"]')";
      assertThat(browser.evaluate("[..." + row + ".cells].map(c => c.textContent).join('|')"))
          .matches(district + "\\|3\\|31\\|[0-9.]+\\|[0-9.]+\\|[0-9.]+%\\|[0-9.]+%\\|1 / 0 / 1，新站 1");

      // Zoomed in, the map shows a quarter of the city, its dots the same size on screen.
      String viewBox = "document.getElementById('map').getAttribute('viewBox')";
      String dotWidth = "document.querySelector('#map .station[data-station=\"" + quiet + "\"]')"
          + ".getBoundingClientRect().width";
      double before = Double.parseDouble(browser.evaluate(dotWidth));
      browser.evaluate("document.getElementById('zoomIn').click()");
      assertThat(browser.evaluate(viewBox)).isEqualTo("225 140 450 280");
      assertThat(Double.parseDouble(browser.evaluate(dotWidth))).isCloseTo(before, offset(0.1));
      // A drag pans it, and the release over a district does not open that district.
      String pan = browser.evaluate("(() => { const map = document.getElementById('map');"
          + " const at = (type, x) => new PointerEvent(type, {pointerId: 7, button: 0, clientX: x, clientY: 200, bubbles: true});"
          + " map.dispatchEvent(at('pointerdown', 300)); map.dispatchEvent(at('pointermove', 340));"
          + " map.dispatchEvent(at('pointerup', 340));"
          + " " + outline + ".dispatchEvent(new MouseEvent('click', {bubbles: true}));"
          + " return map.getAttribute('viewBox'); })()");
      assertThat(pan).isNotEqualTo("225 140 450 280").endsWith("450 280");
      assertThat(browser.evaluate("document.getElementById('district').value")).isEmpty();
      browser.evaluate("document.getElementById('zoomReset').click()");
      assertThat(browser.evaluate(viewBox)).isEqualTo("0 0 900 560");

      browser.evaluate(outline + ".dispatchEvent(new MouseEvent('click', {bubbles: true}))");
      // The district's ranking numbers the quiet station 2nd; the city's short list, 倒1 (the idlest).
      browser.await("document.querySelector('#ranking tr[data-station=\"" + quiet + "\"] td')?.textContent === '2'",
          Duration.ofSeconds(30));
      assertThat(browser.evaluate("document.getElementById('district').value")).isEqualTo(district);
      assertThat(browser.evaluate("document.getElementById('districtsBox').hidden")).isEqualTo("true");
      assertThat(browser.evaluate("document.getElementById('mapFacts').textContent"))
          .startsWith("共 3 个站点：超负荷 1，正常 0，闲置 1，新站");
      // The ranking lists first what a planner acts on, and says once what to do about each level.
      String ranking = "document.getElementById('ranking').textContent";
      String show = "(s => { s.value = '%s'; s.dispatchEvent(new Event('change')); })(document.getElementById('rankingShow'))";
      assertThat(browser.evaluate("document.getElementById('rankingShow').selectedOptions[0].textContent"))
          .isEqualTo("需要处理的（超负荷 1、闲置 1）");
      assertThat(browser.evaluate("document.getElementById('rankingActions').textContent"))
          .contains("超负荷：考虑延长开放时间").contains("闲置：核查开放时间");
      assertThat(browser.evaluate(ranking)).contains("地图繁忙站").contains("地图冷清站").doesNotContain("考虑延长开放时间");
      browser.evaluate(show.formatted("NORMAL"));
      assertThat(browser.evaluate(ranking)).isEqualTo("没有这一类站点；选择“全部”查看整个排名。");
      assertThat(browser.evaluate("location.search")).contains("show=NORMAL");
      browser.evaluate(show.formatted("attention"));
      // The busy station's row opens its visits by day, then by hour: the four weeks' 672 hours.
      String trend = "document.getElementById('stationTrend').getAttribute('aria-label')";
      browser.evaluate("document.querySelector('#ranking tr[data-station=\"" + busy + "\"] td').click()");
      browser.await(trend + "?.startsWith('每日到访：28 个时段共 30 人次')", Duration.ofSeconds(30));
      browser.evaluate("(s => { s.value = 'HOUR'; s.dispatchEvent(new Event('change')); })"
          + "(document.getElementById('stationBy'))");
      browser.await(trend + "?.startsWith('每小时到访：672 个时段共 30 人次')", Duration.ofSeconds(30));
      // The page's link keeps the grain, for whoever it is sent to.
      assertThat(browser.evaluate("location.search")).contains("station=" + busy).contains("by=HOUR");
    }

    // The coverage map rings the busy station: within walking reach, and yet overloaded.
    try (BrowserSession browser = BrowserSession.open(chromium, spec("gateway").baseUrl() + "/maps/coverage.html?district="
        + URLEncoder.encode(district, UTF_8))) {
      browser.await("document.getElementById('busy').textContent.startsWith('红圈：" + district + "近 4 周超负荷的站点 1 个')",
          Duration.ofSeconds(60));
      assertThat(browser.evaluate("document.querySelector('#busy a').getAttribute('href')"))
          .isEqualTo("/dashboards/utilization.html?district=" + URLEncoder.encode(district, UTF_8));
      // Asked to plan relief, the answer says how many open stations it did not count as serving
      // (station-service's own copy of the standings, which may not have this one yet).
      browser.evaluate("document.getElementById('withoutOverloaded').click()");
      browser.evaluate("document.querySelector('#q button[type=submit]').click()");
      browser.await("/其中超负荷 \\d+ 个，不算覆盖/.test(document.getElementById('facts').textContent)",
          Duration.ofSeconds(30));
      assertThat(browser.evaluate("location.search")).contains("withoutOverloaded=true");
    }
  }

  @Test
  void the_coverage_map_opens_on_the_citys_gaps_each_named_by_its_district_drawn_true_to_shape() throws Exception {
    Path chromium = chromiumOrSkip();
    String district = "覆盖区" + UUID.randomUUID().toString().substring(0, 6);
    // A district 20 km wide and 2 km tall, one station in its west: its east is a gap.
    gateway.put().uri("/api/coverage/areas/{d}", district).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(108.50, 34.50),
            List.of(108.72, 34.50), List.of(108.72, 34.52), List.of(108.50, 34.52), List.of(108.50, 34.50)))))
        .exchange().expectStatus().isNoContent();
    register("覆盖测试站", district, 34.51, 108.51);

    try (BrowserSession browser = BrowserSession.open(chromium, spec("gateway").baseUrl() + "/maps/coverage.html")) {
      // Computed without asking, the gaps named by the district they are in.
      browser.await("document.getElementById('status').textContent.startsWith('完成') && "
          + "[...document.querySelectorAll('#gaps tr td:nth-child(2)')].some(td => td.textContent === '" + district + "')",
          Duration.ofSeconds(60));
      assertThat(browser.evaluate("document.getElementById('gaps').textContent")).contains("km²");
      // The canvas is shown at its own proportions, not stretched to the figures beside it.
      String drawn = browser.evaluate("(c => (c.getBoundingClientRect().height / c.getBoundingClientRect().width)"
          + " / (c.height / c.width))(document.getElementById('map')).toFixed(2)");
      assertThat(Double.parseDouble(drawn)).isCloseTo(1.0, offset(0.02));
      // A click on the district in the city's map computes that district alone.
      browser.evaluate("(c => { const box = c.getBoundingClientRect();"
          + " c.dispatchEvent(new MouseEvent('click', {bubbles: true, clientX: box.left + x(108.61) * box.width / c.width,"
          + " clientY: box.top + y(34.51) * box.height / c.height})); })(document.getElementById('map'))");
      browser.await("document.getElementById('status').textContent.startsWith('完成') && "
          + "document.getElementById('facts').textContent.startsWith('" + district + "，')", Duration.ofSeconds(60));
      assertThat(browser.evaluate("document.getElementById('district').value")).isEqualTo(district);
      assertThat(browser.evaluate("document.getElementById('map').getAttribute('aria-label')"))
          .startsWith(district + "步行 15 分钟覆盖图：按面积覆盖 ");
      // Its one station has had no visits: nothing overloaded to ring.
      browser.await("document.getElementById('busy').textContent === '" + district + "近 4 周没有超负荷的站点。'",
          Duration.ofSeconds(30));
      // Its plan: the page asks for five new stations. The district's east is one gap, and each of
      // the five is placed in it where it adds a whole walking circle (π × 0.923² ≈ 2.7 km²).
      assertThat(browser.evaluate("document.getElementById('planSummary').textContent"))
          .startsWith("依次新建 5 个站点，按面积覆盖率从 ");
      assertThat(browser.evaluate("document.querySelectorAll('#plan tr').length")).isEqualTo("5");
      assertThat(browser.evaluate("[...document.querySelectorAll('#plan tr')].every(tr =>"
          + " tr.cells[1].textContent === '" + district + "'"
          + " && parseFloat(tr.cells[2].textContent) > 2.4 && parseFloat(tr.cells[2].textContent) < 2.9)")).isEqualTo("true");
      // The places that could host a station come as the district's sheet, uploaded on the page by
      // the city union's staff; anyone else is told who may.
      assertThat(browser.evaluate("String(document.getElementById('upload').hidden)")).isEqualTo("true");
      assertThat(browser.await("(t => t.startsWith('" + district + "') && t)(document.getElementById('dataNow').textContent)",
          Duration.ofSeconds(30)))
          .isEqualTo(district + "现有候选场所 0 个，需求点 0 个（权重合计 0）。市总工会工作人员登录（右上角）后可在此上传。");
      browser.evaluate("document.querySelector('#who button').click()");
      browser.await("location.pathname === '/oauth2/authorize' && !!document.querySelector('select[name=user]')",
          Duration.ofSeconds(30));
      browser.evaluate("{ const f = document.forms[0]; f.user.value = 'city-admin'; f.password.value = 'yizhan-demo';"
          + " f.submit(); }");
      // Back on the map, signed in, with the same question.
      browser.await("document.getElementById('who').textContent.includes('市总工会 演示用户') && "
          + "document.getElementById('status').textContent.startsWith('完成') && "
          + "!document.getElementById('upload').hidden", Duration.ofSeconds(60));
      assertThat(browser.evaluate("document.getElementById('district').value")).isEqualTo(district);
      // A file chosen in the panel and sent, as a planner would: (file name, contents).
      String upload = "((name, text) => { const t = new DataTransfer(); t.items.add(new File([text], name));"
          + " document.getElementById('upFile').files = t.files;"
          + " document.getElementById('upload').requestSubmit(); return 1; })";
      // A row with a kind nobody knows: nothing stored, the row named in the sheet's own words.
      browser.evaluate(upload + "('候选场所.csv', '\\ufeff场所名称,纬度,经度,场所类型\\n菜鸟驿站（测试店）,34.51,108.70,菜鸟驿站\\n小卖部,34.51,108.69,小卖部\\n')");
      browser.await("document.getElementById('upStatus').textContent.startsWith('未保存')", Duration.ofSeconds(30));
      assertThat(browser.evaluate("document.getElementById('upProblems').textContent"))
          .startsWith("第3行：场所类型应为以下之一：菜鸟驿站 / 快递驿站、");
      // Mended: saved, and the map asked again.
      browser.evaluate(upload + "('候选场所.csv', '\\ufeff场所名称,纬度,经度,场所类型\\n菜鸟驿站（测试店）,34.51,108.70,菜鸟驿站\\n')");
      browser.await("document.getElementById('upStatus').textContent === '已保存：" + district + "的候选场所 1 个，原有的已替换。'"
          + " && document.getElementById('dataNow').textContent.startsWith('" + district + "现有候选场所 1 个')",
          Duration.ofSeconds(60));
      // Only among the places that could host a station: the one venue in the gap, named.
      browser.evaluate("document.getElementById('venuesOnly').checked = true; compute(); 1");
      browser.await("document.getElementById('planSummary').textContent.startsWith('只在区域内 1 个候选场所中选址：依次新建 1 个站点')",
          Duration.ofSeconds(60));
      assertThat(browser.evaluate("document.getElementById('plan').textContent")).contains("菜鸟驿站（测试店）");
      // ...and as a sheet for Excel, the venue named on its row.
      assertThat(browser.evaluate("planCsv(report)")).startsWith("\ufeff顺序,区县,场所,场所类型,纬度,经度,")
          .contains("\r\n1," + district + ",菜鸟驿站（测试店）,菜鸟驿站 / 快递驿站,34.51,108.7,");
      // A new development zone's boundary, as a GeoJSON file from the district's map software.
      String zone = "上传区" + UUID.randomUUID().toString().substring(0, 6);
      browser.evaluate("(s => { s.value = 'areas'; s.dispatchEvent(new Event('change')); })(document.getElementById('upKind'))");
      browser.evaluate("document.getElementById('upName').value = '" + zone + "'; 1");
      browser.evaluate(upload + "('zone.geojson', '{\"type\":\"FeatureCollection\",\"features\":"
          + "[{\"type\":\"Feature\",\"properties\":{\"name\":\"" + zone + "\"},\"geometry\":{\"type\":\"Polygon\","
          + "\"coordinates\":[[[108.30,34.60],[108.33,34.60],[108.33,34.62],[108.30,34.62],[108.30,34.60]]]}}]}')");
      assertThat(browser.await("(t => t.startsWith('已保存') || t.startsWith('未') ? t : false)"
          + "(document.getElementById('upStatus').textContent)", Duration.ofSeconds(30)))
          .isEqualTo("已保存：" + zone + "的边界（4 个顶点）。");
      // The map asks about the new zone at once; it has no venues yet, and says how to give it some.
      assertThat(browser.await("(t => t.startsWith('未能计算') && t)(document.getElementById('status').textContent)",
          Duration.ofSeconds(60))).contains("该区域尚未上传候选场所", "覆盖图页的“规划资料”");
      browser.evaluate("document.getElementById('venuesOnly').checked = false; compute(); 1");
      browser.await("document.getElementById('facts').textContent.startsWith('" + zone + "，')", Duration.ofSeconds(60));
      assertThat(browser.evaluate("document.getElementById('district').value")).isEqualTo(zone);
      // A city's whole file at once, each district under its own name; one without a name is listed.
      String east = zone + "东", west = zone + "西";
      browser.evaluate("document.getElementById('upAll').click(); 1");
      assertThat(browser.evaluate("String(document.getElementById('upNameBox').hidden)")).isEqualTo("true");
      browser.evaluate(upload + "('city.geojson', JSON.stringify({type: 'FeatureCollection', features: ["
          + "{type: 'Feature', properties: {name: '" + east + "'}, geometry: {type: 'Polygon', coordinates:"
          + " [[[108.34,34.60],[108.37,34.60],[108.37,34.62],[108.34,34.60]]]}},"
          + "{type: 'Feature', properties: {NAME: '" + west + "'}, geometry: {type: 'MultiPolygon', coordinates:"
          + " [[[[108.26,34.60],[108.29,34.60],[108.29,34.62],[108.26,34.60]]]]}},"
          + "{type: 'Feature', properties: {}, geometry: {type: 'Polygon', coordinates:"
          + " [[[108.20,34.60],[108.23,34.60],[108.23,34.62],[108.20,34.60]]]}}]}))");
      assertThat(browser.await("(t => t.startsWith('已保存 ') && t)(document.getElementById('upStatus').textContent)",
          Duration.ofSeconds(30))).isEqualTo("已保存 2 个区县的边界；1 个未保存：");
      assertThat(browser.evaluate("document.getElementById('upProblems').textContent"))
          .isEqualTo("第 3 个区域：没有名称（properties 中的 name）");
      browser.await("[...document.getElementById('district').options].filter(o => o.value === '" + east + "'"
          + " || o.value === '" + west + "').length === 2", Duration.ofSeconds(30));
      browser.evaluate("document.getElementById('district').value = '" + district + "';"
          + " document.getElementById('venuesOnly').checked = true; compute(); 1");
      browser.await("document.getElementById('status').textContent.startsWith('完成') && "
          + "document.getElementById('facts').textContent.startsWith('" + district + "，')", Duration.ofSeconds(60));
      // The page's link carries the question: opened again, it asks the same.
      String link = browser.evaluate("location.href");
      assertThat(link).contains("sites=5", "venuesOnly=true").doesNotContain("at=");
      browser.evaluate("document.getElementById('planSummary').textContent = ''; location.href = '" + link + "'; 1");
      browser.await("document.getElementById('planSummary').textContent.startsWith('只在区域内 1 个候选场所中选址')",
          Duration.ofSeconds(60));
      assertThat(browser.evaluate("document.getElementById('district').value")).isEqualTo(district);
    }
  }

  @Test
  void a_worker_finds_the_nearest_open_station_on_a_phone_and_narrows_it_by_what_they_need() throws Exception {
    Path chromium = chromiumOrSkip();
    // Far from the other tests' stations: this one is the only one around.
    String station = register("找驿站测试站", "长安区", 34.0500, 108.9000);
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        phone.get().uri("/api/finder/nearby?lat=34.0510&lon=108.9010").exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.results[0].id").isEqualTo(station));

    try (BrowserSession browser = BrowserSession.open(chromium,
        spec("gateway").baseUrl() + "/find?lat=34.0510&lon=108.9010")) {
      String card = browser.await("(c => c && c.textContent)(document.querySelector('li.station[data-station=\""
          + station + "\"]'))", Duration.ofSeconds(30));
      assertThat(card).contains("找驿站测试站", "步行约 3 分钟", "开着，24 小时开放", "高德导航", "详情与签到");
      assertThat(browser.evaluate("document.querySelectorAll('#map circle.dot.open').length")).isEqualTo("1");
      // It has no drinking water: asking for water leaves nothing, and the page says what to try.
      browser.evaluate("document.querySelector('#amenities button[data-code=DRINKING_WATER]').click()");
      assertThat(browser.await("(t => t.includes('没有') && t)(document.getElementById('status').textContent)",
          Duration.ofSeconds(30))).contains("请扩大范围，或少选几样设施");
      assertThat(browser.evaluate("document.querySelectorAll('li.station').length")).isEqualTo("0");
    }
  }

  @Test
  void a_worker_scans_the_qr_code_taps_what_they_used_and_their_job_and_is_counted_once() throws Exception {
    Path chromium = chromiumOrSkip();
    String station = register("扫码测试站");
    String payload = (String) phone.get().uri("/api/stations/{id}/qr", station).exchange()
        .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("payload");
    // The payload names the public address; the test's gateway listens on a port of its own.
    String page = spec("gateway").baseUrl() + URI.create(payload).getPath();
    // visit-service takes the check-in once its replica knows the station.
    await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
        gateway.get().uri("/api/utilization/stations/{id}", station).exchange().expectStatus().isOk());

    try (BrowserSession browser = BrowserSession.open(chromium, page)) {
      browser.await("!!document.querySelector('.services button[data-service=REST]')", Duration.ofSeconds(30));
      browser.evaluate("document.querySelector('.services button[data-service=REST]').click()");
      browser.evaluate("document.querySelector('.services button[data-service=ACTIVITY]').click()");
      // A second tap takes a service back.
      browser.evaluate("document.querySelector('.services button[data-service=ACTIVITY]').click()");
      browser.evaluate("document.querySelector('.workers button[data-type=COURIER]').click()");
      assertThat(browser.await("(t => t.length > 0 && t)(document.getElementById('done').textContent)",
          Duration.ofSeconds(30))).isEqualTo("签到成功，欢迎！");
      // One visit per tap: the buttons are done.
      assertThat(browser.evaluate("String(document.querySelector('.workers button').disabled)")).isEqualTo("true");
    }

    await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
        gateway.get().uri("/api/utilization/stations/{id}", station).exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.visits").isEqualTo(1)
            .jsonPath("$.workerTypes.COURIER").isEqualTo(1)
            .jsonPath("$.services.REST").isEqualTo(1)
            .jsonPath("$.services.ACTIVITY").isEqualTo(0));
  }

  @Test
  void union_staff_sign_in_on_the_dashboard_and_see_the_reconciliation_a_district_union_its_own_district()
      throws Exception {
    Path chromium = chromiumOrSkip();
    String district = "登录区" + UUID.randomUUID().toString().substring(0, 6);
    String station = register("登录测试站", district, 34.2596, 108.9532);
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        phone.post().uri("/api/visits").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("visitId", "sign-in-" + station, "stationId", station, "workerType", "COURIER"))
            .exchange().expectStatus().value(status -> assertThat(status).isIn(200, 201)));
    // The district's system reports a visit with a worker type the platform does not know, as
    // its own JSON: refused, and shown to the district's union.
    String refused = "feed-" + UUID.randomUUID();
    kafka.send(Topics.VISIT_INBOUND, station, ("{\"eventId\":\"" + UUID.randomUUID() + "\",\"eventType\":\"visit.reported\","
        + "\"eventVersion\":1,\"occurredAt\":\"" + Instant.now() + "\",\"source\":\"district-system\",\"subject\":\""
        + station + "\",\"data\":{\"visitId\":\"" + refused + "\",\"stationId\":\"" + station + "\",\"visitedAt\":\""
        + Instant.now().minusSeconds(600) + "\",\"workerType\":\"DELIVERY_RIDER\",\"services\":[\"WATER\"]}}")
        .getBytes(UTF_8));
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        gateway.get().uri("/api/visits/feed-rejections?district={d}", district).exchange().expectStatus().isOk()
            .expectBody(String.class).value(body -> assertThat(body).contains(refused)));

    try (BrowserSession browser = BrowserSession.open(chromium, spec("gateway").baseUrl() + "/dashboards/utilization.html")) {
      browser.await("document.querySelector('#who button:not([disabled])')?.textContent === '工作人员登录'",
          Duration.ofSeconds(30));
      assertThat(browser.evaluate("String(document.getElementById('staff').hidden)")).isEqualTo("true");

      // To the issuer's page and back, as a district union.
      browser.evaluate("document.querySelector('#who button').click()");
      browser.await("location.pathname === '/oauth2/authorize' && !!document.querySelector('select[name=user]')",
          Duration.ofSeconds(30));
      browser.evaluate("{ const f = document.forms[0]; f.user.value = 'district-admin'; f.district.value = '" + district
          + "'; f.password.value = 'yizhan-demo'; f.submit(); }");
      String who = browser.await("location.pathname.endsWith('/utilization.html') && "
          + "document.getElementById('who').textContent.includes('已登录') && document.getElementById('who').textContent",
          Duration.ofSeconds(30));
      assertThat(who).contains(district + "工会 演示用户", "区县工会（" + district + "）");
      assertThat(browser.evaluate("location.search")).doesNotContain("code=");
      assertThat(browser.evaluate("document.getElementById('district').value")).isEqualTo(district);
      assertThat(browser.evaluate("String(document.getElementById('rebuildBox').hidden)")).isEqualTo("true");
      // The reconciliation of its district: the one check-in, accepted and counted.
      String reconciliation = browser.await("(t => t.includes('一致') && t)"
          + "(document.getElementById('reconciliation').textContent)", Duration.ofSeconds(60));
      assertThat(reconciliation).contains("已接收 1 条，已计入 1 条");
      // What of its feed was refused, and why, in the union's words.
      String refusal = browser.await("(t => t.includes('" + refused + "') && t)"
          + "(document.getElementById('feedRejections').textContent)", Duration.ofSeconds(60));
      assertThat(refusal).contains(district, "登录测试站", "未知的劳动者类型 DELIVERY_RIDER");
      // On the upkeep page the union sees what lapses in its district: nothing, its station is new.
      browser.evaluate("document.querySelector('#who a[href=\"/dashboards/upkeep.html\"]').click()");
      assertThat(browser.await("location.pathname.endsWith('/upkeep.html') && (t => t.length > 0 && t)"
          + "(document.getElementById('overdueSummary').textContent)", Duration.ofSeconds(30))).isEqualTo("没有逾期的维护。");
      assertThat(browser.evaluate("document.getElementById('overdueTitle').textContent")).isEqualTo(district + "逾期未做的维护");
      browser.evaluate("document.querySelector('#who a[href=\"/dashboards/utilization.html\"]').click()");
      browser.await("location.pathname.endsWith('/utilization.html') && "
          + "document.getElementById('who').textContent.includes('已登录')", Duration.ofSeconds(30));

      // Signed out, the page is the public one again; signed in as the city, a recount is offered.
      browser.evaluate("document.querySelector('#who button').click()");
      browser.await("document.querySelector('#who button')?.textContent === '工作人员登录'", Duration.ofSeconds(10));
      assertThat(browser.evaluate("String(document.getElementById('staff').hidden)")).isEqualTo("true");
      browser.evaluate("document.querySelector('#who button').click()");
      browser.await("location.pathname === '/oauth2/authorize' && !!document.querySelector('select[name=user]')",
          Duration.ofSeconds(30));
      browser.evaluate("{ const f = document.forms[0]; f.user.value = 'city-admin'; f.password.value = 'yizhan-demo';"
          + " f.submit(); }");
      browser.await("document.getElementById('who').textContent.includes('市总工会 演示用户')", Duration.ofSeconds(30));
      assertThat(browser.evaluate("String(document.getElementById('rebuildBox').hidden)")).isEqualTo("false");

      // A station's manager opens on the details of their station.
      browser.evaluate("document.querySelector('#who button').click()");
      browser.await("document.querySelector('#who button')?.textContent === '工作人员登录'", Duration.ofSeconds(10));
      browser.evaluate("document.querySelector('#who button').click()");
      browser.await("location.pathname === '/oauth2/authorize' && !!document.querySelector('select[name=user]')",
          Duration.ofSeconds(30));
      browser.evaluate("{ const f = document.forms[0]; f.user.value = 'station-manager'; f.stations.value = '" + station
          + "'; f.password.value = 'yizhan-demo'; f.submit(); }");
      assertThat(browser.await("(t => t.length > 0 && t)(document.getElementById('stationName').textContent)",
          Duration.ofSeconds(30))).isEqualTo("登录测试站（" + district + "）");
      // ...with what its chain was told about it: that it is listed.
      assertThat(browser.await("(t => t.includes('站点已上线') && t)(document.getElementById('stationNotices').textContent)",
          Duration.ofSeconds(30))).contains("站点管理员 王丽", "站点已上线：登录测试站");

      // The manager registers a worker who did not scan, from the dashboard's link, still signed in.
      browser.evaluate("document.querySelector('#who a[href=\"/dashboards/register.html\"]').click()");
      browser.await("location.pathname.endsWith('/register.html') && !document.getElementById('form').hidden && "
          + "document.getElementById('station').selectedOptions[0]?.textContent === '登录测试站（" + district + "）'",
          Duration.ofSeconds(30));
      browser.evaluate("document.querySelector('#services button[data-service=WATER]').click()");
      browser.evaluate("document.querySelector('#workers button[data-type=SANITATION]').click()");
      assertThat(browser.await("(t => t.startsWith('已登记') && t)(document.getElementById('done').textContent)",
          Duration.ofSeconds(30))).isEqualTo("已登记：环卫工人，饮水。");

      // ...and reads what they were told, from the register page's link, which counts it as new:
      // the listing, which opens the station on the dashboard.
      assertThat(browser.await("(t => t.includes('条新') && t)"
          + "(document.querySelector('#who a[href=\"/dashboards/notices.html\"]').textContent)", Duration.ofSeconds(30)))
          .isEqualTo("我的通知（1 条新）");
      browser.evaluate("document.querySelector('#who a[href=\"/dashboards/notices.html\"]').click()");
      assertThat(browser.await("location.pathname.endsWith('/notices.html') && (t => t.includes('站点已上线') && t)"
          + "(document.getElementById('notices').textContent)", Duration.ofSeconds(30)))
          .contains("站点上线", "站点已上线：登录测试站", "致站点管理员 王丽");
      assertThat(browser.evaluate("document.getElementById('summary').textContent")).isEqualTo("已显示最新的 1 条，这是全部。");
      assertThat(browser.evaluate("document.querySelector('#notices a').getAttribute('href')"))
          .contains("station=" + station);

      // ...and, from there, ticks off today's cleaning on the upkeep page.
      browser.evaluate("document.querySelector('#who a[href=\"/dashboards/upkeep.html\"]').click()");
      browser.await("location.pathname.endsWith('/upkeep.html') && !!document.querySelector('#tasks button[data-task=CLEANING]')",
          Duration.ofSeconds(30));
      // Read now, the notice is no longer new, on any device: the server keeps the newest the manager was shown.
      assertThat(browser.await("(Staff.call('/api/notifications/inbox/unseen').then(u => window.unseenNow = u), "
          + "window.unseenNow && window.unseenNow.unseen === 0 && window.unseenNow.seenUpTo)", Duration.ofSeconds(30)))
          .isNotBlank();
      browser.evaluate("document.querySelector('#tasks button[data-task=CLEANING]').click()");
      assertThat(browser.await("(t => t.startsWith('已记录') && t)(document.getElementById('done').textContent)",
          Duration.ofSeconds(30))).isEqualTo("已记录：环境清洁。");
      assertThat(browser.await("(t => t.includes('环境清洁') && t)(document.getElementById('records').textContent)",
          Duration.ofSeconds(30))).contains("站点管理员");
      // ...and logs the week's activity, which counts in the station's stars.
      browser.await("document.getElementById('activityKind').options.length > 0", Duration.ofSeconds(30));
      browser.evaluate("document.getElementById('activityTitle').value = '冬至送饺子';"
          + " document.getElementById('activityPeople').value = '35';"
          + " document.getElementById('logActivity').click()");
      assertThat(browser.await("(t => t.startsWith('已记录') && t)(document.getElementById('activityDone').textContent)",
          Duration.ofSeconds(30))).isEqualTo("已记录活动：冬至送饺子。");
      assertThat(browser.await("(t => t.includes('冬至送饺子') && t)(document.getElementById('activities').textContent)",
          Duration.ofSeconds(30))).contains("35 人");
    }
    // Counted as the station's second visit, the register's.
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        phone.get().uri("/api/utilization/stations/{id}", station).exchange().expectStatus().isOk().expectBody()
            .jsonPath("$.visits").isEqualTo(2)
            .jsonPath("$.workerTypes.SANITATION").isEqualTo(1)
            .jsonPath("$.services.WATER").isEqualTo(1));
  }

  /** Debian's Chromium, or the test is skipped with how to get it. */
  static Path chromiumOrSkip() {
    Path chromium = HeadlessChromium.find().orElse(null);
    assumeTrue(chromium != null, "Chromium is not installed (Debian: apt-get install chromium); .ci/run installs it");
    return chromium;
  }

  static String register(String name) {
    return register(name, "碑林区", 34.2596, 108.9532);
  }

  static String register(String name, String district, double latitude, double longitude) {
    return register(name, district, latitude, longitude, 12);
  }

  static String register(String name, String district, double latitude, double longitude, int capacity) {
    Map<?, ?> created = gateway.post().uri("/api/stations").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.ofEntries(
            Map.entry("name", name), Map.entry("kind", "CARE_STATION"), Map.entry("buildMode", "UNION_BUILT"),
            Map.entry("district", district), Map.entry("areaType", "MAIN_URBAN"), Map.entry("address", "东大街 1 号"),
            Map.entry("latitude", latitude), Map.entry("longitude", longitude), Map.entry("capacity", capacity),
            Map.entry("hours", Map.of("alwaysOpen", true)),
            Map.entry("manager", Map.of("name", "王丽", "phone", "029-87654321"))))
        .exchange()
        .expectStatus().isEqualTo(HttpStatus.CREATED)
        .expectBody(Map.class).returnResult().getResponseBody();
    return (String) created.get("id");
  }

  /**
   * Metrics a running service does not expose until something happens: a Micrometer counter with
   * tags is created on first use. {@code up} is Prometheus's own.
   */
  static final Set<String> NOT_SCRAPED_AT_START = Set.of("up", "yizhan_events_dead_lettered_total");

  @Test
  void every_metric_an_alert_or_a_dashboard_panel_reads_is_exposed_by_a_running_service_with_its_labels() throws Exception {
    // Each series name with the label names it carries, from every service's scrape.
    Map<String, Set<String>> labelsByMetric = new HashMap<>();
    // A scrape is larger than WebTestClient buffers (Kafka's client metrics, per partition).
    HttpClient client = HttpClient.newHttpClient();
    for (ServiceSpec service : specs) {
      HttpResponse<String> response = client.send(
          HttpRequest.newBuilder(URI.create(service.baseUrl() + "/actuator/prometheus"))
              .header("Authorization", Credentials.bearer(Credentials.OPS)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(service.name()).isEqualTo(200);
      MonitoringRules.labelsByMetric(response.body())
          .forEach((metric, labels) -> labelsByMetric.computeIfAbsent(metric, k -> new TreeSet<>()).addAll(labels));
    }

    for (String expression : MonitoringRules.expressions()) {
      for (MonitoringRules.Selector selector : MonitoringRules.selectors(expression)) {
        if (NOT_SCRAPED_AT_START.contains(selector.metric())) {
          continue;
        }
        assertThat(labelsByMetric).as("%s reads %s", expression, selector.metric()).containsKey(selector.metric());
        assertThat(labelsByMetric.get(selector.metric())).as("%s selects on", expression).containsAll(selector.labels());
      }
    }
  }

  static long unpublishedOutboxRows(String stationId) throws Exception {
    Database db = databases.get("station-service");
    try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        PreparedStatement query = connection.prepareStatement(
            "SELECT count(*) FROM outbox WHERE message_key = ? AND published_at IS NULL")) {
      query.setString(1, stationId);
      try (ResultSet result = query.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  static ServiceSpec spec(String name) {
    return specs.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("yizhan"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("Run from inside the Yizhan repository");
    }
    return dir;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
