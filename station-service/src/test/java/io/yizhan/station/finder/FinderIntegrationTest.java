package io.yizhan.station.finder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.yizhan.contracts.visit.ServiceUsed;
import io.yizhan.testkit.TestHttp;
import io.yizhan.testkit.TestTokens;
import io.yizhan.testkit.YizhanIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@YizhanIntegrationTest
class FinderIntegrationTest {

  @LocalServerPort int port;
  /** A worker's phone: the finder needs no sign-in. */
  WebTestClient http;
  /** The union of the district the test's stations are in. */
  WebTestClient districtUnion;

  @BeforeEach
  void client() {
    http = TestHttp.client(port);
    districtUnion = TestHttp.client(port, TestTokens.districtAdmin("莲湖区"));
  }

  String register(String name, double lat, double lon) {
    return (String) districtUnion.post().uri("/api/stations").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.ofEntries(
            Map.entry("name", name), Map.entry("kind", "SERVICE_POINT"), Map.entry("buildMode", "UNION_BUILT"),
            Map.entry("district", "莲湖区"), Map.entry("areaType", "MAIN_URBAN"), Map.entry("address", "西大街"),
            Map.entry("latitude", lat), Map.entry("longitude", lon), Map.entry("capacity", 6),
            Map.entry("hours", Map.of("alwaysOpen", true)), Map.entry("amenities", List.of("CHARGING")),
            Map.entry("manager", Map.of("name", "李强", "phone", "029-1"))))
        .exchange().expectStatus().isCreated()
        .expectBody(Map.class).returnResult().getResponseBody().get("id");
  }

  @Test
  void a_registered_station_is_found_nearby_and_drops_out_when_suspended() {
    String id = register("西大街爱心服务点", 34.2605, 108.9360);

    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
        http.get().uri("/api/finder/nearby?lat=34.2610&lon=108.9423&radius=2000&openNow=true&amenity=CHARGING")
            .exchange().expectStatus().isOk()
            .expectBody()
            .jsonPath("$.results[?(@.id == '" + id + "')].walkingMinutes").isEqualTo(List.of(10))
            .jsonPath("$.results[?(@.id == '" + id + "')].open").isEqualTo(List.of(true))
            .jsonPath("$.results[?(@.id == '" + id + "')].publicUrl").isEqualTo(List.of("http://localhost:8080/s/" + id))
            .jsonPath("$.results[?(@.id == '" + id + "')].navigation.geo").value(geo ->
                assertThat((List<?>) geo).singleElement().asString().startsWith("geo:34.2605,108.936")));

    districtUnion.post().uri("/api/stations/{id}/status", id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("action", "SUSPEND", "by", "区域站长", "reason", "停电")).exchange().expectStatus().isOk();

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        http.get().uri("/api/finder/nearby?lat=34.2610&lon=108.9423&radius=2000").exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.results[?(@.id == '" + id + "')]").doesNotExist());
  }

  @Test
  void the_qr_code_leads_to_a_chinese_public_page_with_a_check_in() {
    String id = register("北大街爱心服务点", 34.2700, 108.9440);

    String payload = (String) http.get().uri("/api/stations/{id}/qr", id).exchange()
        .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("payload");
    assertThat(payload).isEqualTo("http://localhost:8080/s/" + id);

    http.get().uri("/s/{id}", id).exchange()
        .expectStatus().isOk()
        .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
        .expectBody(String.class).value(page -> assertThat(page)
            .contains("<html lang=\"zh-CN\">", "北大街爱心服务点", "正在开放 · 24 小时", "充电设施", "外卖配送员",
                "stationId: '" + id + "'")
            // What the worker used, among what this station offers: it has charging, not a toilet.
            .contains("data-service=\"CHARGING\">充电<", "data-service=\"REST\">休息<",
                "data-service=\"LEGAL_UNION_SERVICE\">法律及工会服务<")
            .doesNotContain("data-service=\"TOILET\"", "data-service=\"MEAL_HEATING\"")
            // A closed door or a full room: the stations around it, from the same place.
            .contains("<a href=\"/find?lat=34.27&amp;lon=108.944\">附近还有哪些驿站开着？</a>")
            .doesNotContain("本站现在没有开放"));

    // Suspended, the page still takes the check-in, and asks for it: the demand the hours miss.
    districtUnion.post().uri("/api/stations/{id}/status", id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("action", "SUSPEND", "by", "区域站长", "reason", "停电")).exchange().expectStatus().isOk();
    http.get().uri("/s/{id}", id).exchange()
        .expectStatus().isOk()
        .expectBody(String.class).value(page -> assertThat(page)
            .contains("暂停服务", "本站现在没有开放。来了也请签到", "data-type=\"SANITATION\""));
  }

  @Test
  void a_workers_phone_opens_the_finder_page_without_signing_in() {
    http.get().uri("/find").exchange()
        .expectStatus().isOk()
        .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
        .expectBody(String.class).value(page -> assertThat(page)
            .contains("<html lang=\"zh-CN\">", "<title>找驿站", "/api/finder/nearby?", "navigator.geolocation"));
  }

  @Test
  void every_service_the_public_page_offers_by_an_amenity_names_one_of_the_catalog() {
    List<?> catalog = districtUnion.get().uri("/api/stations/amenities").exchange()
        .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
    List<String> codes = catalog.stream().map(amenity -> (String) ((Map<?, ?>) amenity).get("code")).toList();
    for (ServiceUsed service : ServiceUsed.values()) {
      service.amenity().ifPresent(amenity -> assertThat(codes).as(service.name()).contains(amenity));
    }
  }

  @Test
  void a_position_outside_china_or_a_huge_radius_is_a_problem_naming_the_field() {
    http.get().uri("/api/finder/nearby?lat=0&lon=0&radius=999999").exchange()
        .expectStatus().isBadRequest()
        .expectBody()
        .jsonPath("$.errors[?(@.field == 'lat')]").exists()
        .jsonPath("$.errors[?(@.field == 'lon')]").exists()
        .jsonPath("$.errors[?(@.field == 'radius')]").exists();
  }
}
