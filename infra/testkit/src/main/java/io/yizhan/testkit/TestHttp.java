package io.yizhan.testkit;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** An HTTP client for a server the test started, patient enough for a loaded 2-core machine. */
public final class TestHttp {

  /** An anonymous caller: a worker's phone, the public finder. */
  public static WebTestClient client(int port) {
    return client("http://localhost:" + port);
  }

  public static WebTestClient client(String baseUrl) {
    return builder(baseUrl).build();
  }

  /** A caller with this {@code Authorization} header on every request (see {@link TestTokens}). */
  public static WebTestClient client(int port, String authorization) {
    return client("http://localhost:" + port, authorization);
  }

  public static WebTestClient client(String baseUrl, String authorization) {
    return builder(baseUrl).defaultHeader(HttpHeaders.AUTHORIZATION, authorization).build();
  }

  private static WebTestClient.Builder builder(String baseUrl) {
    return WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(30));
  }

  private TestHttp() {}
}
