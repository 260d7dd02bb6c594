package io.yizhan.gateway.ratelimit;

import io.yizhan.testkit.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** The gateway's public limit in front of a real HTTP server standing in for station-service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"yizhan.gateway.public-rate-limit.burst=3", "yizhan.gateway.public-rate-limit.per-second=0.5",
        "yizhan.gateway.public-rate-limit.trust-forwarded-for=true"})
class PublicRateLimitTest {

  static final DisposableServer stations = HttpServer.create()
      .host("localhost")
      .port(0)
      .route(routes -> routes
          .get("/api/finder/nearby", (request, response) -> response
              .header("Content-Type", "application/json").sendString(Mono.just("[]")))
          .get("/api/stations", (request, response) -> response
              .header("Content-Type", "application/json").sendString(Mono.just("[]"))))
      .bindNow();

  static final DisposableServer visits = HttpServer.create()
      .host("localhost")
      .port(0)
      .route(routes -> routes
          .post("/api/visits", (request, response) -> request.receive().then(response.status(201)
              .header("Content-Type", "application/json").sendString(Mono.just("{}")).then())))
      .bindNow();

  @DynamicPropertySource
  static void routes(DynamicPropertyRegistry registry) {
    registry.add("YIZHAN_STATION_URL", () -> "http://localhost:" + stations.port());
    registry.add("YIZHAN_VISIT_URL", () -> "http://localhost:" + visits.port());
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.issuer().issuer().toString());
    registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> TestTokens.issuer().jwkSetUri().toString());
  }

  @AfterAll
  static void stop() {
    stations.disposeNow();
    visits.disposeNow();
  }

  @LocalServerPort int port;

  @Test
  void a_client_over_its_rate_gets_429_in_chinese_while_others_and_private_endpoints_go_on() {
    WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    for (int i = 0; i < 3; i++) {
      http.get().uri("/api/finder/nearby?lat=34.26&lon=108.95").header("X-Forwarded-For", "203.0.113.7")
          .exchange().expectStatus().isOk().expectHeader().exists("RateLimit-Remaining");
    }
    http.get().uri("/api/finder/nearby?lat=34.26&lon=108.95").header("X-Forwarded-For", "203.0.113.7, 10.0.0.1")
        .exchange()
        .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
        .expectHeader().valueEquals("Retry-After", "2")
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.title").isEqualTo("请求过于频繁 (too many requests)")
        .jsonPath("$.status").isEqualTo(429)
        .jsonPath("$.instance").doesNotExist();
    // Opening a page from the same address: the same refusal, as a page that opens itself again.
    http.get().uri("/api/finder/nearby?lat=34.26&lon=108.95").header("X-Forwarded-For", "203.0.113.7")
        .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").exchange()
        .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
        .expectHeader().exists("Retry-After")
        .expectHeader().contentType("text/html;charset=UTF-8")
        .expectBody(String.class).value(page -> org.assertj.core.api.Assertions.assertThat(page)
            .contains("<h1>请求过于频繁</h1>", "请稍等片刻", "<meta http-equiv=\"refresh\""));

    http.get().uri("/api/finder/nearby?lat=34.26&lon=108.95").header("X-Forwarded-For", "198.51.100.4")
        .exchange().expectStatus().isOk();
    for (int i = 0; i < 5; i++) {
      http.get().uri("/api/stations").header("X-Forwarded-For", "203.0.113.7").exchange().expectStatus().isOk();
    }
    http.get().uri("/actuator/prometheus").header("Authorization", TestTokens.ops()).exchange().expectStatus().isOk()
        .expectBody(String.class).value(metrics -> org.assertj.core.api.Assertions.assertThat(metrics)
            // At least this test's refusal; the other test's may have come first.
            .containsPattern("yizhan_gateway_rate_limited_total\\{application=\"gateway\"} [1-9]"));
  }

  @Test
  void a_phone_checking_in_without_a_token_draws_on_its_bucket_and_a_signed_in_register_does_not() {
    WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    for (int i = 0; i < 3; i++) {
      http.post().uri("/api/visits").header("X-Forwarded-For", "203.0.113.9").contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{}").exchange()
          .expectStatus().isCreated().expectHeader().exists("RateLimit-Remaining");
    }
    http.post().uri("/api/visits").header("X-Forwarded-For", "203.0.113.9").contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}").exchange()
        .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
        .expectHeader().valueEquals("Retry-After", "2")
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.type").isEqualTo("urn:yizhan:problem:rate-limited");
    // The same phone's finder query draws on the same, empty bucket.
    http.get().uri("/api/finder/nearby?lat=34.26&lon=108.95").header("X-Forwarded-For", "203.0.113.9")
        .exchange().expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

    String register = TestTokens.stationManager("s-1");
    for (int i = 0; i < 5; i++) {
      http.post().uri("/api/visits").header("X-Forwarded-For", "203.0.113.9").header("Authorization", register)
          .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
          .expectStatus().isCreated();
    }
  }
}
