package io.yizhan.gateway.checkin;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Relays {@code POST /api/visits} (one check-in) to visit-service with a plain Reactor Netty
 * client, before the gateway's route lookup and filter chain.
 *
 * <p>Why: a check-in is a few hundred bytes, and the generic route (handler mappings, route
 * predicates, a dozen global filters, header filters, per-route metrics) cost the gateway about
 * 0.24 ms of CPU for each; at 2,000 check-ins a second that is half a core of this two-core
 * machine, enough to push p99 past 50 ms (docs/benchmarks.md, sessions 15 and 17). The relay
 * keeps what the route gives a caller:
 * <ul>
 *   <li>the same circuit breaker, time limit and bulkhead as the visit-service route: it uses the
 *       breaker named {@code visit-service}, so either path's failures open it for both;</li>
 *   <li>the same answers when visit-service is down, slow or its circuit open: the request is
 *       forwarded to {@code /fallback/visit-service}, the route's own fallback;</li>
 *   <li>headers passed through both ways except hop-by-hop ones, with {@code X-Forwarded-For},
 *       {@code -Proto} and {@code -Host} added as the route adds them;</li>
 *   <li>the route's metric, {@code spring_cloud_gateway_requests}, with route id
 *       {@code visit-check-in}.</li>
 * </ul>
 * Check-in bodies are read whole, up to 16 KB (a check-in is under 1 KB); a larger one gets 413.
 *
 * <p>It runs as a WebFilter, so the gateway's GlobalFilters (the public rate limit among them) do
 * not see check-ins: a filter meant for them must be applied here too. With
 * {@code yizhan.gateway.check-in-relay.enabled=false} check-ins take the generic route again.
 */
@Component
@ConditionalOnProperty(name = "yizhan.gateway.check-in-relay.enabled", havingValue = "true", matchIfMissing = true)
class CheckInRelay implements WebFilter, Ordered {

  private static final String ROUTE_ID = "visit-check-in";
  private static final int MAX_BODY_BYTES = 16 * 1024;
  private static final String PATH = "/api/visits";
  private static final String BREAKER = "visit-service";

  /** RFC 9110 §7.6.1 connection-specific headers, plus those the relay sets itself. */
  private static final Set<String> NOT_PASSED_ON = Set.of("connection", "keep-alive", "proxy-connection",
      "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host",
      "content-length");

  private final String visitService;
  private final HttpClient client;
  private final ReactiveCircuitBreaker breaker;
  private final MeterRegistry meters;
  private final Map<Integer, Timer> timers = new ConcurrentHashMap<>();

  CheckInRelay(@Value("${YIZHAN_VISIT_URL:http://localhost:8082}") String visitService,
      @Value("${spring.cloud.gateway.server.webflux.httpclient.connect-timeout:2000}") int connectTimeoutMillis,
      ReactiveCircuitBreakerFactory<?, ?> breakers, MeterRegistry meters) {
    this.visitService = visitService;
    // Connections idle for 20 s are closed, so few stale ones are left to a visit-service that restarted.
    ConnectionProvider connections = ConnectionProvider.builder(ROUTE_ID)
        .maxConnections(1_000)
        .pendingAcquireTimeout(Duration.ofSeconds(2))
        .maxIdleTime(Duration.ofSeconds(20))
        .build();
    this.client = HttpClient.create(connections)
        .baseUrl(visitService)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis);
    this.breaker = breakers.create(BREAKER);
    this.meters = meters;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 100;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    if (request.getMethod() != HttpMethod.POST || !PATH.equals(request.getPath().pathWithinApplication().value())) {
      return chain.filter(exchange);
    }
    long start = System.nanoTime();
    return DataBufferUtils.join(request.getBody(), MAX_BODY_BYTES)
        .map(buffer -> {
          byte[] bytes = new byte[buffer.readableByteCount()];
          buffer.read(bytes);
          DataBufferUtils.release(buffer);
          return bytes;
        })
        .defaultIfEmpty(new byte[0])
        .flatMap(body -> breaker.run(relay(request, body), failure -> Mono.error(new Unanswered(failure))))
        .flatMap(answer -> answer.writeTo(exchange.getResponse()))
        .onErrorResume(DataBufferLimitException.class, tooLarge -> tooLarge(exchange.getResponse()))
        .onErrorResume(Unanswered.class, unanswered -> fallback(exchange, chain, unanswered.getCause()))
        .doFinally(signal -> timer(exchange.getResponse().getStatusCode()).record(System.nanoTime() - start,
            TimeUnit.NANOSECONDS));
  }

  private Mono<Answer> relay(ServerHttpRequest request, byte[] body) {
    String uri = request.getURI().getRawQuery() == null ? PATH : PATH + "?" + request.getURI().getRawQuery();
    return client.post().uri(uri)
        .send((outbound, out) -> {
          request.getHeaders().forEach((name, values) -> {
            if (!NOT_PASSED_ON.contains(name.toLowerCase(Locale.ROOT))) {
              outbound.requestHeaders().add(name, values);
            }
          });
          outbound.requestHeaders()
              .set(HttpHeaders.CONTENT_LENGTH, body.length)
              .set("X-Forwarded-For", forwardedFor(request))
              .set("X-Forwarded-Proto", request.getURI().getScheme() == null ? "http" : request.getURI().getScheme());
          String host = request.getHeaders().getFirst(HttpHeaders.HOST);
          if (host != null) {
            outbound.requestHeaders().set("X-Forwarded-Host", host);
          }
          return out.send(Mono.just(Unpooled.wrappedBuffer(body)));
        })
        .responseSingle((response, content) -> content.asByteArray().defaultIfEmpty(new byte[0])
            .map(bytes -> {
              HttpHeaders headers = new HttpHeaders();
              response.responseHeaders().forEach(header -> {
                if (!NOT_PASSED_ON.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                  headers.add(header.getKey(), header.getValue());
                }
              });
              return new Answer(response.status().code(), headers, bytes);
            }));
  }

  private static String forwardedFor(ServerHttpRequest request) {
    InetSocketAddress remote = request.getRemoteAddress();
    String client = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    String earlier = request.getHeaders().getFirst("X-Forwarded-For");
    return earlier == null || earlier.isBlank() ? client : earlier + ", " + client;
  }

  /** visit-service did not answer (down, too slow, circuit open): the route's fallback answers. */
  private static Mono<Void> fallback(ServerWebExchange exchange, WebFilterChain chain, Throwable cause) {
    exchange.getAttributes().put(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR, cause);
    return chain.filter(exchange.mutate().request(request -> request.path("/fallback/" + BREAKER)).build());
  }

  private static Mono<Void> tooLarge(ServerHttpResponse response) {
    String problem = """
        {"type":"urn:yizhan:problem:content-too-large","title":"请求体过大 (content too large)","status":413,\
        "detail":"一次签到的请求体不能超过 %d 字节；批量导入请用 /api/visits/batch。A check-in body may not exceed %d bytes; \
        send many visits to /api/visits/batch."}""".formatted(MAX_BODY_BYTES, MAX_BODY_BYTES);
    response.setStatusCode(HttpStatus.CONTENT_TOO_LARGE);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(problem.getBytes(StandardCharsets.UTF_8))));
  }

  /** The route's metric and tags, one timer per status: built once, not per request. */
  private Timer timer(@Nullable HttpStatusCode status) {
    int code = status == null ? 200 : status.value();
    return timers.computeIfAbsent(code, c -> {
      HttpStatus known = HttpStatus.resolve(c);
      HttpStatus.Series series = HttpStatus.Series.resolve(c);
      return Timer.builder("spring.cloud.gateway.requests")
          .tags("routeId", ROUTE_ID, "routeUri", visitService, "httpMethod", "POST",
              "httpStatusCode", String.valueOf(c),
              "status", known == null ? String.valueOf(c) : known.name(),
              "outcome", series == null ? "UNKNOWN" : series.name())
          .register(meters);
    });
  }

  /** What visit-service answered, read whole. */
  private record Answer(int status, HttpHeaders headers, byte[] body) {
    Mono<Void> writeTo(ServerHttpResponse response) {
      response.setStatusCode(HttpStatusCode.valueOf(status));
      response.getHeaders().addAll(headers);
      response.getHeaders().setContentLength(body.length);
      return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
  }

  /** Marks a failure to get an answer from visit-service, as opposed to one writing ours. */
  private static final class Unanswered extends RuntimeException {
    Unanswered(Throwable cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }
}
