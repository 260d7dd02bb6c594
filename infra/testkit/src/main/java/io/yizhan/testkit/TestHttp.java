package io.yizhan.testkit;

import java.time.Duration;
import org.springframework.test.web.reactive.server.WebTestClient;

/** An HTTP client for a server the test started, patient enough for a loaded 2-core machine. */
public final class TestHttp {

  public static WebTestClient client(int port) {
    return client("http://localhost:" + port);
  }

  public static WebTestClient client(String baseUrl) {
    return WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(30)).build();
  }

  private TestHttp() {}
}
