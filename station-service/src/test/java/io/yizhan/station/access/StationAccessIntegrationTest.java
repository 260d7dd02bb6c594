package io.yizhan.station.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.station.registry.StationRegistryIntegrationTest;
import io.yizhan.testkit.TestHttp;
import io.yizhan.testkit.TestTokens;
import io.yizhan.testkit.YizhanIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who may change what (architecture.md, Security): a district union its own district's stations,
 * a station manager their own stations' upkeep, anyone the public pages; every refusal a problem
 * detail saying who may.
 */
@YizhanIntegrationTest
class StationAccessIntegrationTest {

  @LocalServerPort int port;

  WebTestClient as(String authorization) {
    return TestHttp.client(port, authorization);
  }

  String registeredInBeilin() {
    return (String) as(TestTokens.districtAdmin("碑林区")).post().uri("/api/stations")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(StationRegistryIntegrationTest.beilinStation())
        .exchange().expectStatus().isCreated()
        .expectBody(Map.class).returnResult().getResponseBody().get("id");
  }

  @Test
  void a_district_union_lists_and_changes_only_its_own_districts_stations() {
    String id = registeredInBeilin();

    as(TestTokens.districtAdmin("莲湖区")).post().uri("/api/stations").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(StationRegistryIntegrationTest.beilinStation())
        .exchange().expectStatus().isForbidden()
        .expectBody()
        .jsonPath("$.type").isEqualTo("urn:yizhan:problem:forbidden")
        .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("碑林区工会", "莲湖区"));
    as(TestTokens.districtAdmin("莲湖区")).put().uri("/api/stations/{id}/hours", id).header("If-Match", "\"1\"")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("alwaysOpen", true))
        .exchange().expectStatus().isForbidden();
    as(TestTokens.districtAdmin("莲湖区")).post().uri("/api/stations/{id}/status", id)
        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("action", "SUSPEND", "by", "莲湖区", "reason", "试"))
        .exchange().expectStatus().isForbidden();

    Map<String, Object> moved = new HashMap<>(StationRegistryIntegrationTest.beilinStation());
    moved.put("district", "莲湖区");
    as(TestTokens.districtAdmin("碑林区")).put().uri("/api/stations/{id}", id).header("If-Match", "\"1\"")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(moved)
        .exchange().expectStatus().isForbidden();

    as(TestTokens.districtAdmin("碑林区")).post().uri("/api/stations/{id}/status", id)
        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("action", "SUSPEND", "by", "碑林区工会", "reason", "装修"))
        .exchange().expectStatus().isOk();
    as(TestTokens.cityAdmin()).post().uri("/api/stations/{id}/status", id)
        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("action", "RESUME", "by", "市总工会", "reason", "装修完"))
        .exchange().expectStatus().isOk();
  }

  @Test
  void the_chains_phones_are_for_whoever_runs_the_station_its_district_and_the_city() {
    String id = registeredInBeilin();

    for (String sees : List.of(TestTokens.cityAdmin(), TestTokens.districtAdmin("碑林区"),
        TestTokens.districtSystem("碑林区"), TestTokens.stationManager(id))) {
      as(sees).get().uri("/api/stations/{id}", id).exchange().expectStatus().isOk()
          .expectBody()
          .jsonPath("$.manager.phone").isEqualTo("029-87654321")
          .jsonPath("$.regionalHead.phone").isEqualTo("029-87650000");
    }
    // Another district's union, another station's manager, ops: the names, not the numbers, in
    // a station's details and in the list alike.
    for (String not : List.of(TestTokens.districtAdmin("莲湖区"), TestTokens.stationManager(registeredInBeilin()),
        TestTokens.ops())) {
      as(not).get().uri("/api/stations/{id}", id).exchange().expectStatus().isOk()
          .expectBody()
          .jsonPath("$.manager.name").isEqualTo("王丽")
          .jsonPath("$.manager.phone").doesNotExist()
          .jsonPath("$.regionalHead.phone").doesNotExist();
      as(not).get().uri("/api/stations?district=碑林区").exchange().expectStatus().isOk()
          .expectBody()
          .jsonPath("$[?(@.id == '" + id + "')].manager.name").isEqualTo(List.of("王丽"))
          .jsonPath("$[?(@.id == '" + id + "')].manager.phone").isEmpty();
    }
  }

  @Test
  void a_station_manager_records_upkeep_of_their_own_station_and_nothing_else() {
    String own = registeredInBeilin();
    String other = registeredInBeilin();
    Map<String, Object> cleaning = Map.of("task", "CLEANING", "by", "站点管理员 王丽");

    as(TestTokens.stationManager(own)).post().uri("/api/stations/{id}/maintenance", own)
        .contentType(MediaType.APPLICATION_JSON).bodyValue(cleaning)
        .exchange().expectStatus().isCreated();
    as(TestTokens.stationManager(own)).post().uri("/api/stations/{id}/maintenance", other)
        .contentType(MediaType.APPLICATION_JSON).bodyValue(cleaning)
        .exchange().expectStatus().isForbidden()
        .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("本站的站点管理员"));
    as(TestTokens.stationManager(own)).put().uri("/api/stations/{id}/hours", own).header("If-Match", "\"1\"")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("alwaysOpen", true))
        .exchange().expectStatus().isForbidden();
  }

  @Test
  void a_worker_reads_the_public_pages_without_signing_in_but_changes_nothing() {
    String id = registeredInBeilin();
    WebTestClient phone = TestHttp.client(port);

    phone.get().uri("/s/{id}", id).exchange().expectStatus().isOk();
    phone.get().uri("/api/stations/locations").exchange().expectStatus().isOk();
    phone.get().uri("/api/finder/nearby?lat=34.2596&lon=108.9532").exchange().expectStatus().isOk();
    phone.get().uri("/api/stations/{id}", id).exchange()
        .expectStatus().isUnauthorized()
        .expectBody().jsonPath("$.type").isEqualTo("urn:yizhan:problem:unauthorized");
    Map<String, Object> renamed = new HashMap<>(StationRegistryIntegrationTest.beilinStation());
    renamed.put("name", "被改名的驿站");
    phone.put().uri("/api/stations/{id}", id).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(renamed).exchange().expectStatus().isUnauthorized();
  }

  @Test
  void a_district_unions_sheet_may_not_list_another_districts_stations() {
    byte[] template = TestHttp.client(port).get().uri("/api/stations/import/template.csv").exchange()
        .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
    assertThat(new String(template, StandardCharsets.UTF_8)).contains("碑林区");

    as(TestTokens.districtAdmin("莲湖区")).post().uri("/api/stations/import").contentType(MediaType.parseMediaType("text/csv"))
        .bodyValue(template).exchange()
        .expectStatus().isBadRequest()
        .expectBody()
        .jsonPath("$.rejected").isEqualTo(1)
        .jsonPath("$.rows[0].problems[0].field").isEqualTo("district");
    as(TestTokens.districtAdmin("碑林区")).post().uri("/api/stations/import").contentType(MediaType.parseMediaType("text/csv"))
        .bodyValue(template).exchange()
        .expectStatus().isCreated();
  }
}
