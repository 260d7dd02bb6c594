package io.yizhan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import io.yizhan.testkit.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRoutes;

/** The gateway in front of a real HTTP server standing in for station-service, and of nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingTest {

  static final DisposableServer stations = standIn(routes -> routes
      .get("/api/stations/ok", (request, response) -> response
          .header("Content-Type", "application/json")
          .sendString(Mono.just("{\"name\":\"碑林区光大银行爱心驿站\"}")))
      .get("/api/stations/missing", (request, response) -> response
          .status(404)
          .header("Content-Type", "application/problem+json")
          .sendString(Mono.just("{\"status\":404,\"title\":\"未找到 (not found)\"}")))
      .get("/api/stations/steady", (request, response) -> response
          .sendString(Mono.delay(Duration.ofMillis(300)).thenReturn("ok")))
      .post("/api/stations/import", (request, response) -> response
          .status(201)
          .sendString(Mono.delay(Duration.ofSeconds(3)).thenReturn("{\"imported\":true}")))
      .get("/api/stations/slow", (request, response) -> response
          .sendString(Mono.delay(Duration.ofSeconds(5)).thenReturn("late"))));

  static final DisposableServer visits = standIn(routes -> routes
      .get("/api/utilization/reconciliation", (request, response) -> response
          .header("Content-Type", "application/json")
          .sendString(Mono.delay(Duration.ofSeconds(3)).thenReturn("{\"balanced\":true}")))
      .get("/api/utilization/summary", (request, response) -> response
          .sendString(Mono.delay(Duration.ofSeconds(3)).thenReturn("late")))
      // A check-in: answers what it was sent, after the delay the caller asks for.
      .post("/api/visits", (request, response) -> request.receive().aggregate().asString().defaultIfEmpty("")
          .delayElement(Duration.ofMillis(Long.parseLong(request.requestHeaders().get("X-Stand-In-Delay-Ms", "0"))))
          .flatMap(body -> response.status(201)
              .header("Content-Type", "application/json")
              .header("Location", "/api/visits/v-1")
              .sendString(Mono.just("{\"body\":" + body + ",\"key\":\"" + request.requestHeaders().get("Idempotency-Key")
                  + "\",\"forwardedFor\":\"" + request.requestHeaders().get("X-Forwarded-For")
                  + "\",\"authorization\":\"" + request.requestHeaders().get("Authorization")
                  + "\",\"query\":\"" + request.uri() + "\"}"))
              .then()))
      .post("/api/visits/batch", (request, response) -> request.receive().aggregate().asString()
          .flatMap(body -> response.header("Content-Type", "application/json")
              .sendString(Mono.just("{\"accepted\":" + body.lines().count() + "}")).then())));

  /** A real HTTP server on a free port, standing in for a service. */
  static DisposableServer standIn(Consumer<HttpServerRoutes> routes) {
    return HttpServer.create().host("localhost").port(0).route(routes).bindNow();
  }

  @DynamicPropertySource
  static void routes(DynamicPropertyRegistry registry) {
    registry.add("YIZHAN_STATION_URL", () -> "http://localhost:" + stations.port());
    registry.add("YIZHAN_VISIT_URL", () -> "http://localhost:" + visits.port());
    registry.add("YIZHAN_ASSESSMENT_URL", () -> "http://localhost:" + unusedPort());
    registry.add("YIZHAN_GATEWAY_TIMEOUT", () -> "2s");
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.issuer().issuer().toString());
    registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> TestTokens.issuer().jwkSetUri().toString());
  }

  @AfterAll
  static void stop() {
    stations.disposeNow();
    visits.disposeNow();
  }

  @LocalServerPort int port;
  WebTestClient http;

  @BeforeEach
  void client() {
    http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
        .responseTimeout(Duration.ofSeconds(20)).build();
  }

  @Test
  void a_path_is_routed_to_the_service_that_owns_it() {
    http.get().uri("/api/stations/ok").exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.name").isEqualTo("碑林区光大银行爱心驿站");
  }

  @Test
  void every_answer_forbids_sniffing_its_type_and_showing_it_in_another_sites_frame_once() {
    for (String token : new String[] {null, TestTokens.cityAdmin()}) {
      WebTestClient.RequestHeadersSpec<?> request = http.get().uri("/api/stations/ok");
      if (token != null) {
        request = request.header("Authorization", token);
      }
      request.exchange()
          .expectStatus().isOk()
          // valueEquals: exactly this one value, not also Spring Security's copy for a signed-in caller.
          .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
          .expectHeader().valueEquals("X-Frame-Options", "DENY");
    }
    // The gateway's own answers too: a service that is down, a bad token.
    http.get().uri("/api/assessments/stations").exchange()
        .expectHeader().valueEquals("X-Frame-Options", "DENY");
    http.get().uri("/api/stations/ok").header("Authorization", "Bearer forged").exchange()
        .expectStatus().isUnauthorized()
        .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
  }

  @Test
  void a_service_problem_detail_passes_through_unchanged() {
    http.get().uri("/api/stations/missing").exchange()
        .expectStatus().isNotFound()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.title").isEqualTo("未找到 (not found)");
  }

  @Test
  void a_service_that_is_down_gets_a_problem_detail_saying_so() {
    http.get().uri("/api/assessments/anything").exchange()
        .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader().valueEquals("Retry-After", "10")
        .expectBody()
        .jsonPath("$.service").isEqualTo("assessment-service")
        .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("星级考核"));
  }

  @Test
  void a_browser_opening_a_page_of_a_service_that_is_down_gets_a_page_saying_so_that_retries_itself() {
    String page = http.get().uri("/api/assessments/anything")
        .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").exchange()
        .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
        .expectHeader().contentType("text/html;charset=UTF-8")
        .expectHeader().valueEquals("Retry-After", "10")
        .expectBody(String.class).returnResult().getResponseBody();
    assertThat(page).contains("<html lang=\"zh-CN\">", "页面暂时打不开", "星级考核功能暂时不可用", "此前已成功提交的数据不受影响",
        "<meta http-equiv=\"refresh\" content=\"10\">");
    // A script's fetch sends */*: it still reads the problem detail.
    http.get().uri("/api/assessments/anything").header("Accept", "*/*").exchange()
        .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void a_service_slower_than_the_timeout_gets_a_gateway_timeout_problem() {
    long start = System.nanoTime();
    http.get().uri("/api/stations/slow").exchange()
        .expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    // Our 2 s limit applies, not Resilience4j's default of 1 s.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1800), Duration.ofSeconds(4));
  }

  @Test
  void a_bulk_import_may_take_longer_than_ordinary_requests() {
    http.post().uri("/api/stations/import").bodyValue("name\n").exchange()
        .expectStatus().isCreated()
        .expectBody().jsonPath("$.imported").isEqualTo(true);
  }

  @Test
  void a_city_wide_reconciliation_may_take_longer_than_ordinary_reports() {
    http.get().uri("/api/utilization/reconciliation").exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.balanced").isEqualTo(true);
    // The same wait on an ordinary report is beyond the (test's 2 s) limit.
    http.get().uri("/api/utilization/summary").exchange()
        .expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
  }

  @Test
  void two_hundred_concurrent_callers_are_all_served_not_shed_by_the_bulkhead() {
    WebClient client = WebClient.create("http://localhost:" + port);
    // Each call takes 300 ms downstream, so all 200 are in flight at once.
    List<Integer> statuses = Flux.range(0, 200)
        .flatMap(i -> client.get().uri("/api/stations/steady")
            .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())), 200)
        .collectList().block(Duration.ofSeconds(60));
    assertThat(statuses).hasSize(200).containsOnly(200);
  }

  @Test
  void circuit_breakers_and_metrics_are_visible_to_operations_only() {
    http.get().uri("/actuator/health").exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();
    http.get().uri("/actuator/health").header("Authorization", TestTokens.ops()).exchange()
        .expectBody().jsonPath("$.components.diskSpace.status").isEqualTo("UP");
    http.get().uri("/actuator/prometheus").header("Authorization", TestTokens.ops()).exchange()
        .expectStatus().isOk()
        .expectBody(String.class).value(body -> assertThat(body).contains("resilience4j_circuitbreaker_state"));

    http.get().uri("/actuator/prometheus").exchange()
        .expectStatus().isUnauthorized()
        .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("./yizhan token ops"));
    http.get().uri("/actuator/metrics").header("Authorization", TestTokens.cityAdmin()).exchange()
        .expectStatus().isForbidden()
        .expectBody().jsonPath("$.type").isEqualTo("urn:yizhan:problem:forbidden");
    http.post().uri("/actuator/prometheus").header("Authorization", TestTokens.ops()).exchange()
        .expectStatus().isForbidden();
  }

  @Test
  void a_check_in_is_relayed_to_visit_service_with_its_body_headers_and_answer() {
    http.post().uri("/api/visits?source=qr").contentType(MediaType.APPLICATION_JSON)
        .header("Idempotency-Key", "k-42")
        .bodyValue("{\"stationId\":\"s-1\",\"workerType\":\"COURIER\"}")
        .exchange()
        .expectStatus().isCreated()
        .expectHeader().valueEquals("Location", "/api/visits/v-1")
        .expectBody()
        .jsonPath("$.body.workerType").isEqualTo("COURIER")
        .jsonPath("$.key").isEqualTo("k-42")
        .jsonPath("$.forwardedFor").isEqualTo("127.0.0.1")
        .jsonPath("$.query").isEqualTo("/api/visits?source=qr");
    http.get().uri("/actuator/health").exchange().expectStatus().isOk();
    http.get().uri("/actuator/prometheus").header("Authorization", TestTokens.ops()).exchange()
        .expectBody(String.class).value(body -> assertThat(body)
            .contains("spring_cloud_gateway_requests_seconds_count{application=\"gateway\",httpMethod=\"POST\","
                + "httpStatusCode=\"201\",outcome=\"SUCCESSFUL\",routeId=\"visit-check-in\"")
            // The server's own metric, beside WebFlux's series for other requests: Prometheus takes
            // a name only with one set of tag names, so the relay's tags must be WebFlux's.
            .contains("http_server_requests_seconds_count{application=\"gateway\",error=\"none\",exception=\"none\","
                + "method=\"POST\",outcome=\"SUCCESS\",status=\"201\",uri=\"/api/visits\"}")
            .containsPattern("http_server_requests_seconds_count\\{application=\"gateway\",[^}]*uri=\"/actuator/health\"\\}")
            // Answer-time buckets, for the share of check-ins answered within 50 ms (YizhanCheckInsSlow).
            .containsPattern("http_server_requests_seconds_bucket\\{application=\"gateway\",[^}]*"
                + "status=\"201\",uri=\"/api/visits\",le=\"0.05\"\\}"));
  }

  @Test
  void a_token_travels_on_to_the_service_and_a_bad_one_is_refused_at_the_edge_on_either_path() {
    String token = TestTokens.districtSystem("莲湖区");
    http.post().uri("/api/visits").contentType(MediaType.APPLICATION_JSON).header("Authorization", token)
        .bodyValue("{}").exchange()
        .expectStatus().isCreated()
        .expectHeader().doesNotExist("RateLimit-Remaining")
        .expectBody().jsonPath("$.authorization").isEqualTo(token);
    http.get().uri("/api/stations/ok").header("Authorization", token).exchange().expectStatus().isOk();

    http.post().uri("/api/visits").contentType(MediaType.APPLICATION_JSON).header("Authorization", "Bearer forged")
        .bodyValue("{}").exchange()
        .expectStatus().isUnauthorized()
        .expectHeader().valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"")
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.type").isEqualTo("urn:yizhan:problem:invalid-token");
    http.get().uri("/api/stations/ok").header("Authorization", "Bearer forged").exchange()
        .expectStatus().isUnauthorized()
        .expectBody().jsonPath("$.type").isEqualTo("urn:yizhan:problem:invalid-token");
  }

  @Test
  void a_check_in_visit_service_does_not_answer_in_time_gets_the_routes_timeout_problem() {
    long start = System.nanoTime();
    http.post().uri("/api/visits").contentType(MediaType.APPLICATION_JSON).header("X-Stand-In-Delay-Ms", "5000")
        .bodyValue("{}")
        .exchange()
        .expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader().valueEquals("Retry-After", "10")
        .expectBody().jsonPath("$.service").isEqualTo("visit-service");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1800), Duration.ofSeconds(4));
  }

  @Test
  void a_check_in_body_larger_than_any_check_in_is_refused_with_a_problem_pointing_to_the_batch_endpoint() {
    http.post().uri("/api/visits").contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"note\":\"" + "x".repeat(20_000) + "\"}")
        .exchange()
        .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("/api/visits/batch"));
    // A chunked body declares no length: it is refused once it grows past the limit.
    http.post().uri("/api/visits").contentType(MediaType.APPLICATION_JSON)
        .body(Flux.just("{\"note\":\"", "x".repeat(10_000), "x".repeat(10_000), "\"}"), String.class)
        .exchange()
        .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    // A batch of many visits is not a check-in: it takes the route, whatever its size.
    http.post().uri("/api/visits/batch").contentType(MediaType.parseMediaType("application/x-ndjson"))
        .bodyValue("{\"stationId\":\"s-1\"}\n".repeat(2_000))
        .exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.accepted").isEqualTo(2_000);
  }

  static int unusedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
