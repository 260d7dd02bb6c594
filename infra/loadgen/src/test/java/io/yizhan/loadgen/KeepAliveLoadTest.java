package io.yizhan.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The load generator against a real HTTP server on this machine. */
class KeepAliveLoadTest {

  private final AtomicInteger answered = new AtomicInteger();
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void every_request_due_after_the_warm_up_is_answered_and_timed_whatever_framing_the_server_uses() throws Exception {
    // Answers with a length, in chunks, or closing the connection after, in turn.
    start(exchange -> {
      int n = answered.incrementAndGet();
      byte[] body = ("{\"n\":" + n + ",\"echo\":" + new String(exchange.getRequestBody().readAllBytes(),
          StandardCharsets.UTF_8) + "}").getBytes(StandardCharsets.UTF_8);
      if (n % 7 == 0) {
        exchange.getResponseHeaders().set("Connection", "close");
      }
      exchange.sendResponseHeaders(201, n % 3 == 0 ? 0 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });

    KeepAliveLoad.Result run = KeepAliveLoad.run(target(), 4, 4, 200, 1, 2, 201,
        () -> new KeepAliveLoad.Request("Content-Type: application/json\r\n", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)));

    assertThat(run.errors()).isZero();
    assertThat(run.latencies().getTotalCount()).isEqualTo(400);
    // The part on the wire is each latency without the wait to be sent: never longer.
    assertThat(run.sentToAnswered().getTotalCount()).isEqualTo(400);
    assertThat(run.sentToAnswered().getMaxValue()).isLessThanOrEqualTo(run.latencies().getMaxValue());
    assertThat(answered.get()).isEqualTo(600);
    assertThat(run.slowestEachSecond()).hasSize(2).doesNotContain(0L);
  }

  @Test
  void answers_other_than_the_expected_status_are_errors_not_latencies() throws Exception {
    start(exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(answered.incrementAndGet() % 2 == 0 ? 503 : 201, -1);
      exchange.close();
    });

    KeepAliveLoad.Result run = KeepAliveLoad.run(target(), 2, 2, 100, 0, 2, 201,
        () -> new KeepAliveLoad.Request("", new byte[0]));

    assertThat(run.errors()).isEqualTo(100);
    assertThat(run.latencies().getTotalCount()).isEqualTo(100);
  }

  @Test
  void the_wait_for_a_free_connection_counts_in_the_latency_but_not_on_the_wire() throws Exception {
    start(answeredAfter50Millis());

    // One connection, 40 requests due in a second, each answered after 50 ms: they queue.
    KeepAliveLoad.Result run = KeepAliveLoad.run(target(), 1, 1, 40, 0, 1, 201,
        () -> new KeepAliveLoad.Request("", new byte[0]));

    assertThat(run.errors()).isZero();
    assertThat(run.latencies().getValueAtPercentile(99)).isGreaterThan(800_000);
    assertThat(run.sentToAnswered().getValueAtPercentile(50)).isBetween(50_000L, 300_000L);
    assertThat(run.mostWaiting()).isGreaterThan(10);
    assertThat(run.connectionsOpened()).isEqualTo(1);
  }

  @Test
  void a_pool_that_may_grow_opens_a_connection_rather_than_keep_a_request_waiting() throws Exception {
    start(answeredAfter50Millis());

    // The same load as above, from one connection that may become eight: two or three busy at once.
    KeepAliveLoad.Result run = KeepAliveLoad.run(target(), 1, 8, 40, 0, 1, 201,
        () -> new KeepAliveLoad.Request("", new byte[0]));

    assertThat(run.errors()).isZero();
    assertThat(run.latencies().getTotalCount()).isEqualTo(40);
    assertThat(run.latencies().getValueAtPercentile(99)).isLessThan(500_000);
    assertThat(run.connectionsOpened()).isBetween(2, 8);
  }

  @Test
  void an_answer_is_whole_only_once_its_body_or_last_chunk_has_arrived() throws IOException {
    byte[] chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"
        .getBytes(StandardCharsets.US_ASCII);
    for (int length = 0; length < chunked.length; length++) {
      assertThat(KeepAliveLoad.Answer.parse(chunked, length)).as("first %d bytes", length).isNull();
    }
    assertThat(KeepAliveLoad.Answer.parse(chunked, chunked.length)).isEqualTo(new KeepAliveLoad.Answer(200, false));

    byte[] sized = "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"
        .getBytes(StandardCharsets.US_ASCII);
    assertThat(KeepAliveLoad.Answer.parse(sized, sized.length - 1)).isNull();
    assertThat(KeepAliveLoad.Answer.parse(sized, sized.length)).isEqualTo(new KeepAliveLoad.Answer(503, true));
  }

  /** Each request answered 201 after 50 ms. */
  private static HttpHandler answeredAfter50Millis() {
    return exchange -> {
      exchange.getRequestBody().readAllBytes();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.sendResponseHeaders(201, -1);
      exchange.close();
    };
  }

  private void start(HttpHandler handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext("/api/visits", handler);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  private URI target() {
    return URI.create("http://localhost:" + server.getAddress().getPort() + "/api/visits");
  }
}
