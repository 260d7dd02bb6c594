package io.yizhan.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yizhan.contracts.access.Role;
import io.yizhan.issuer.Grant;
import io.yizhan.issuer.IssuerServer;
import io.yizhan.issuer.TokenIssuer;
import io.yizhan.support.problem.UnauthenticatedException;
import io.yizhan.testkit.TestHttp;
import io.yizhan.testkit.TestTokens;
import io.yizhan.testkit.YizhanIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** A service checks every caller's token itself and answers refusals as problem details that say what to do. */
@YizhanIntegrationTest
class ResourceServerTest {

  @LocalServerPort int port;
  @Autowired Callers callers;

  @Test
  void a_public_path_needs_no_token_and_a_staff_path_says_how_to_get_one() {
    TestHttp.client(port).get().uri("/open/hello").exchange().expectStatus().isOk();
    TestHttp.client(port).get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    TestHttp.client(port).get().uri("/actuator/health").exchange().expectStatus().isOk();
    TestHttp.client(port).get().uri("/v3/api-docs").exchange().expectStatus().isOk();
    // HEAD is GET without the body: a link checker or curl -I gets what a browser gets.
    TestHttp.client(port).head().uri("/open/hello").exchange().expectStatus().isOk();
    TestHttp.client(port).head().uri("/staff/hello").exchange().expectStatus().isUnauthorized();

    TestHttp.client(port).get().uri("/staff/hello").exchange()
        .expectStatus().isUnauthorized()
        .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type").isEqualTo("urn:yizhan:problem:unauthorized")
        .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Authorization: Bearer"));
  }

  @Test
  void metrics_and_what_is_behind_the_probes_are_for_operations() {
    TestHttp.client(port).get().uri("/actuator/prometheus").exchange()
        .expectStatus().isUnauthorized()
        .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("./yizhan token ops"));
    TestHttp.client(port, TestTokens.cityAdmin()).get().uri("/actuator/prometheus").exchange()
        .expectStatus().isForbidden();
    TestHttp.client(port, TestTokens.cityAdmin()).get().uri("/actuator/metrics").exchange()
        .expectStatus().isForbidden();
    TestHttp.client(port, TestTokens.ops()).get().uri("/actuator/prometheus").exchange()
        .expectStatus().isOk()
        .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));

    TestHttp.client(port).get().uri("/actuator/health").exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();
    TestHttp.client(port, TestTokens.ops()).get().uri("/actuator/health").exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.components").exists();
  }

  @Test
  void a_path_the_firewall_refuses_is_a_problem_detail_but_a_backslash_in_an_id_passes() {
    TestHttp.client(port).get().uri("/open/hello;jsessionid=1").exchange()
        .expectStatus().isBadRequest()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.type").isEqualTo("urn:yizhan:problem:rejected-request");
    TestHttp.client(port).get().uri(b -> b.path("/open/{id}").build("a\\b")).exchange()
        .expectStatus().isNotFound();
  }

  @Test
  void an_anonymous_request_to_a_public_path_passes_no_security_filter_but_one_with_a_token_does() {
    // Spring Security's headers mark the requests its filters saw.
    TestHttp.client(port).get().uri("/open/hello").exchange()
        .expectStatus().isOk()
        .expectHeader().doesNotExist("X-Content-Type-Options");
    TestHttp.client(port, TestTokens.cityAdmin()).get().uri("/open/hello").exchange()
        .expectStatus().isOk()
        .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
    TestHttp.client(port, "Bearer forged").get().uri("/open/hello").exchange()
        .expectStatus().isUnauthorized();
  }

  @Test
  void a_valid_token_names_the_caller() {
    TestHttp.client(port, TestTokens.cityAdmin()).get().uri("/staff/hello").exchange()
        .expectStatus().isOk()
        .expectBody(String.class).isEqualTo("市总工会 演示用户");
  }

  @Test
  void an_expired_token_a_foreign_signature_or_garbage_is_401_invalid_token() throws Exception {
    String expired = "Bearer " + TestTokens.issuer().tokens()
        .at(Clock.offset(Clock.systemUTC(), TokenIssuer.LIFETIME.plus(Duration.ofMinutes(10)).negated()))
        .issue(Grant.cityAdmin());
    String foreign;
    try (IssuerServer other = IssuerServer.start(0, TokenIssuer.newKey())) {
      foreign = "Bearer " + other.tokens().issue(Grant.cityAdmin());
    }
    for (String authorization : new String[] {expired, foreign, "Bearer not-a-token"}) {
      TestHttp.client(port, authorization).get().uri("/staff/hello").exchange()
          .expectStatus().isUnauthorized()
          .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
          .expectBody().jsonPath("$.type").isEqualTo("urn:yizhan:problem:invalid-token");
    }
  }

  @Test
  void a_role_without_the_right_is_403_and_an_unlisted_change_is_the_citys_alone() {
    TestHttp.client(port, TestTokens.stationManager("s1")).post().uri("/districts/莲湖区/things").exchange()
        .expectStatus().isForbidden()
        .expectBody()
        .jsonPath("$.type").isEqualTo("urn:yizhan:problem:forbidden")
        .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("ROLE_STATION_MANAGER", "联系"));

    TestHttp.client(port, TestTokens.districtAdmin("莲湖区")).post().uri("/city/things").exchange()
        .expectStatus().isForbidden();
    TestHttp.client(port, TestTokens.cityAdmin()).post().uri("/city/things").exchange()
        .expectStatus().isOk();
  }

  @Test
  void a_district_admin_acts_on_their_own_district_only() {
    TestHttp.client(port, TestTokens.districtAdmin("莲湖区")).post().uri("/districts/莲湖区/things").exchange()
        .expectStatus().isOk();

    TestHttp.client(port, TestTokens.districtAdmin("莲湖区")).post().uri("/districts/新城区/things").exchange()
        .expectStatus().isForbidden()
        .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
            .contains("新城区工会", "区县工会（莲湖区）"));
  }

  @Test
  void outside_webflux_a_missing_header_is_anonymous_and_a_bad_token_is_refused() {
    assertThat(callers.fromAuthorization(null).block()).isEqualTo(Caller.anonymous());
    assertThat(callers.fromAuthorization(TestTokens.districtSystem("新城区")).block())
        .satisfies(caller -> {
          assertThat(caller.roles()).containsExactly(Role.DISTRICT_SYSTEM);
          assertThat(caller.district()).isEqualTo("新城区");
        });
    assertThatThrownBy(() -> callers.fromAuthorization("Bearer nonsense").block())
        .isInstanceOf(UnauthenticatedException.class).hasMessageContaining("令牌无效");
    assertThatThrownBy(() -> callers.fromAuthorization("Basic dXNlcjpwdw==").block())
        .isInstanceOf(UnauthenticatedException.class).hasMessageContaining("Bearer <令牌>");
  }
}
