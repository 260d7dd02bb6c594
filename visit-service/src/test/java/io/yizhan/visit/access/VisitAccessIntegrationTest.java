package io.yizhan.visit.access;

import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.contracts.visit.ServiceUsed;
import io.yizhan.contracts.visit.WorkerType;
import io.yizhan.testkit.TestHttp;
import io.yizhan.testkit.TestTokens;
import io.yizhan.testkit.TopicProbe;
import io.yizhan.testkit.YizhanIntegrationTest;
import io.yizhan.visit.AnnouncedStations;
import io.yizhan.visit.utilization.BusyIdle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Anonymous phones check in and read the figures; district feeds need a district's system or
 * union; a single visit needs a signed-in caller; rebuilding is the city's.
 */
@YizhanIntegrationTest
class VisitAccessIntegrationTest {

  static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

  @LocalServerPort int port;
  final TopicProbe kafka = TopicProbe.onTestBroker();

  @Test
  void a_district_feed_needs_a_district_system_or_union() {
    WebTestClient phone = TestHttp.client(port);
    String station = AnnouncedStations.registered(phone, kafka, "未央区凤城八路爱心驿站", "未央区");
    String line = "{\"visitId\":\"" + UUID.randomUUID() + "\",\"stationId\":\"" + station
        + "\",\"workerType\":\"COURIER\",\"services\":[\"WATER\"]}\n";

    phone.post().uri("/api/visits/batch").contentType(NDJSON).bodyValue(line).exchange()
        .expectStatus().isUnauthorized()
        .expectBody().jsonPath("$.type").isEqualTo("urn:yizhan:problem:unauthorized");
    TestHttp.client(port, TestTokens.stationManager(station)).post().uri("/api/visits/batch").contentType(NDJSON)
        .bodyValue(line).exchange()
        .expectStatus().isForbidden()
        .expectBody().jsonPath("$.type").isEqualTo("urn:yizhan:problem:forbidden");
    TestHttp.client(port, TestTokens.districtSystem("未央区")).post().uri("/api/visits/batch").contentType(NDJSON)
        .bodyValue(line).exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.accepted").isEqualTo(1);
  }

  @Test
  void a_district_system_reports_its_own_districts_stations_only_and_the_other_lines_stand() {
    WebTestClient phone = TestHttp.client(port);
    String own = AnnouncedStations.registered(phone, kafka, "灞桥区纺织城爱心驿站", "灞桥区");
    String other = AnnouncedStations.registered(phone, kafka, "雁塔区电视塔爱心驿站", "雁塔区");
    String body = "{\"visitId\":\"" + UUID.randomUUID() + "\",\"stationId\":\"" + own
        + "\",\"workerType\":\"COURIER\"}\n{\"visitId\":\"" + UUID.randomUUID() + "\",\"stationId\":\"" + other
        + "\",\"workerType\":\"COURIER\"}\n";

    TestHttp.client(port, TestTokens.districtSystem("灞桥区")).post().uri("/api/visits/batch").contentType(NDJSON)
        .bodyValue(body).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.accepted").isEqualTo(1)
        .jsonPath("$.rejected").isEqualTo(1)
        .jsonPath("$.problems[0].line").isEqualTo(2)
        .jsonPath("$.problems[0].errors[0].field").isEqualTo("stationId")
        .jsonPath("$.problems[0].errors[0].message").value(message -> org.assertj.core.api.Assertions
            .assertThat((String) message).contains("雁塔区", "本区县"));
  }

  @Test
  void a_worker_checks_in_and_reads_the_figures_but_not_a_visit_nor_the_administration() {
    WebTestClient phone = TestHttp.client(port);
    String station = AnnouncedStations.registered(phone, kafka, "未央区文景路爱心驿站", "未央区");
    String visitId = UUID.randomUUID().toString();

    phone.post().uri("/api/visits").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("visitId", visitId, "stationId", station, "workerType", "FOOD_DELIVERY",
            "services", List.of("CHARGING")))
        .exchange().expectStatus().isCreated();
    phone.get().uri("/api/utilization/summary").exchange().expectStatus().isOk();
    phone.get().uri("/dashboards/utilization.html").exchange().expectStatus().isOk();

    phone.get().uri("/api/visits/{id}", visitId).exchange().expectStatus().isUnauthorized();
    TestHttp.client(port, TestTokens.districtAdmin("未央区")).get().uri("/api/visits/{id}", visitId).exchange()
        .expectStatus().isOk();
    phone.get().uri("/api/utilization/reconciliation").exchange().expectStatus().isUnauthorized();
    TestHttp.client(port, TestTokens.districtAdmin("未央区")).post().uri("/api/utilization/rebuilds").exchange()
        .expectStatus().isForbidden();
  }

  @Test
  void the_dashboard_learns_where_staff_sign_in_and_its_page_offers_it() {
    WebTestClient phone = TestHttp.client(port);

    phone.get().uri("/dashboards/sign-in").exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.clientId").isEqualTo("yizhan-dashboard")
        .jsonPath("$.authorizationUri").isEqualTo(TestTokens.issuer().authorizationUri().toString())
        .jsonPath("$.tokenUri").isEqualTo(TestTokens.issuer().tokenUri().toString());
    phone.get().uri("/dashboards/utilization.html").exchange()
        .expectStatus().isOk()
        .expectBody(String.class).value(page -> org.assertj.core.api.Assertions.assertThat(page)
            .contains("工作人员登录", "<script src=\"staff.js\"></script>", "/api/utilization/reconciliation"));
    phone.get().uri("/dashboards/register.html").exchange()
        .expectStatus().isOk()
        .expectBody(String.class).value(page -> org.assertj.core.api.Assertions.assertThat(page)
            .contains("到访登记", "<script src=\"staff.js\"></script>", "channel: 'MANAGER_REGISTER'"));
    // The one sign-in both pages load.
    phone.get().uri("/dashboards/staff.js").exchange()
        .expectStatus().isOk()
        .expectBody(String.class).value(script -> org.assertj.core.api.Assertions.assertThat(script)
            .contains("code_challenge_method: 'S256'", "/dashboards/sign-in"));
    // The staff's phone pages share one look, served as a style sheet (the gateway says nosniff).
    for (String page : List.of("/dashboards/register.html", "/dashboards/upkeep.html", "/dashboards/notices.html")) {
      phone.get().uri(page).exchange().expectStatus().isOk()
          .expectBody(String.class).value(html -> org.assertj.core.api.Assertions.assertThat(html)
              .contains("<link rel=\"stylesheet\" href=\"staff.css\">", "<script src=\"staff.js\"></script>"));
    }
    phone.get().uri("/dashboards/staff.css").exchange()
        .expectStatus().isOk()
        .expectHeader().contentTypeCompatibleWith("text/css");
  }

  @Test
  void both_pages_name_workers_and_services_with_the_words_of_every_other_page() {
    WebTestClient phone = TestHttp.client(port);
    for (String page : List.of("/dashboards/utilization.html", "/dashboards/register.html")) {
      phone.get().uri(page).exchange()
          .expectBody(String.class).value(html -> assertThat(html)
              .contains("<script src=\"labels.js\"></script>").doesNotContain("外卖骑手"));
    }

    String script = phone.get().uri("/dashboards/labels.js").exchange()
        .expectStatus().isOk()
        .expectHeader().contentTypeCompatibleWith("text/javascript")
        .expectBody(String.class).returnResult().getResponseBody();

    String prefix = "const YizhanLabels = Object.freeze(";
    assertThat(script).startsWith(prefix).endsWith(");\n");
    Labels labels = JsonMapper.builder().build().readValue(script.substring(prefix.length(), script.length() - 3), Labels.class);
    assertThat(labels.workers()).containsExactlyEntriesOf(Arrays.stream(WorkerType.values())
        .collect(toMap(WorkerType::name, WorkerType::label, (a, b) -> a, LinkedHashMap::new)));
    assertThat(labels.services()).containsExactlyEntriesOf(Arrays.stream(ServiceUsed.values())
        .collect(toMap(ServiceUsed::name, ServiceUsed::label, (a, b) -> a, LinkedHashMap::new)));
    assertThat(labels.levels()).containsExactlyEntriesOf(Arrays.stream(BusyIdle.Level.values())
        .collect(toMap(BusyIdle.Level::name, BusyIdle.Level::label, (a, b) -> a, LinkedHashMap::new)));
    assertThat(labels.workers()).containsEntry("FOOD_DELIVERY", "外卖配送员");
  }

  record Labels(Map<String, String> workers, Map<String, String> services, Map<String, String> levels) {}
}
