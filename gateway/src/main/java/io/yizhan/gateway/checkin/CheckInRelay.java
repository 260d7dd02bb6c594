package io.yizhan.gateway.checkin;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.yizhan.gateway.Problems;
import io.yizhan.gateway.ServiceUnavailable;
import io.yizhan.gateway.ratelimit.PublicRateLimit;
import io.yizhan.gateway.ratelimit.TokenBuckets;
import io.yizhan.gateway.security.EdgeSecurity;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;
import reactor.netty.resources.ConnectionProvider;

/**
 * Relays {@code POST /api/visits} (one check-in) to visit-service with a plain Reactor Netty
 * client, as a route of the gateway's Netty server ahead of Spring WebFlux (ADR 16).
 *
 * <p>Why: a check-in is a few hundred bytes, and every layer a request passes costs the gateway
 * CPU that the two-core devstack does not have at 2,000 check-ins a second. The generic route
 * (handler mappings, route predicates, a dozen global filters, per-route metrics) cost about
 * 0.24 ms a check-in (sessions 15 and 17); relayed from a WebFilter, WebFlux's exchange, its
 * filter chain and its request observation were still about a third of what was left (session
 * 18). Here the request never becomes a WebFlux exchange. The relay keeps what the route gives a
 * caller:
 * <ul>
 *   <li>the same circuit breaker, time limit and bulkhead as the visit-service route: it uses the
 *       breaker named {@code visit-service}, so either path's failures open it for both;</li>
 *   <li>the same answer as the route's fallback when visit-service is down, slow or its circuit
 *       open ({@link ServiceUnavailable});</li>
 *   <li>headers passed through both ways except hop-by-hop ones, with {@code X-Forwarded-For},
 *       {@code -Proto} and {@code -Host} added as the route adds them;</li>
 *   <li>the metrics operations watch: the route's {@code spring_cloud_gateway_requests} (route id
 *       {@code visit-check-in}) and the server's {@code http_server_requests}
 *       ({@code uri="/api/visits"}), with the tags WebFlux would give them.</li>
 * </ul>
 * Check-in bodies are read whole, up to 16 KB (a check-in is under 1 KB); a larger one gets 413.
 *
 * <p>Nothing of WebFlux runs for a check-in: no WebFilter and no GlobalFilter sees it, so what
 * the gateway does for check-ins is applied here too: an anonymous check-in (a worker's phone)
 * draws on its client's public rate limit ({@link PublicRateLimit}); one with a token (a manager's
 * register, a district system) is not limited, but a bad token is refused with 401 as
 * {@link EdgeSecurity} refuses it on other paths. Requests
 * this route does not take (any other method or path, an absolute URI) reach WebFlux as before.
 * With {@code yizhan.gateway.check-in-relay.enabled=false} check-ins take the generic route again.
 */
@Component
@ConditionalOnProperty(name = "yizhan.gateway.check-in-relay.enabled", havingValue = "true", matchIfMissing = true)
class CheckInRelay implements NettyRouteProvider, DisposableBean {

  private static final String ROUTE_ID = "visit-check-in";
  private static final int MAX_BODY_BYTES = 16 * 1024;
  private static final String PATH = "/api/visits";
  private static final String BREAKER = "visit-service";
  private static final Map.Entry<String, String> PROBLEM_JSON =
      Map.entry(HttpHeaderNames.CONTENT_TYPE.toString(), MediaType.APPLICATION_PROBLEM_JSON_VALUE);

  /** RFC 9110 §7.6.1 connection-specific headers, plus those the relay sets itself. */
  private static final Set<String> NOT_PASSED_ON = Set.of("connection", "keep-alive", "proxy-connection",
      "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host",
      "content-length");

  private final String visitService;
  private final int connectTimeoutMillis;
  private final Map<EventLoop, Relay> relays = new ConcurrentHashMap<>();
  private final AtomicInteger relaysMade = new AtomicInteger();
  private final ReactiveCircuitBreaker breaker;
  private final MeterRegistry meters;
  private final Map<Integer, Timers> timers = new ConcurrentHashMap<>();
  private final @Nullable PublicRateLimit anonymousLimit;
  private final ReactiveJwtDecoder tokens;

  CheckInRelay(@Value("${YIZHAN_VISIT_URL:http://localhost:8082}") String visitService,
      @Value("${spring.cloud.gateway.server.webflux.httpclient.connect-timeout:2000}") int connectTimeoutMillis,
      ReactiveCircuitBreakerFactory<?, ?> breakers, MeterRegistry meters, ObjectProvider<PublicRateLimit> anonymousLimit,
      ReactiveJwtDecoder tokens) {
    this.visitService = visitService;
    this.anonymousLimit = anonymousLimit.getIfAvailable();
    this.tokens = tokens;
    this.connectTimeoutMillis = connectTimeoutMillis;
    this.breaker = breakers.create(BREAKER);
    this.meters = meters;
  }

  /** A client to visit-service whose connections all live on one event loop, and their pool. */
  private record Relay(HttpClient client, ConnectionProvider connections) {}

  /**
   * The client for check-ins that arrive on this event loop. Each of the gateway's event loops
   * relays over its own pool of connections, on that same loop, as a proxy's workers each keep
   * their own pools: with one pool shared by all loops, a check-in's relay connection usually
   * lived on another loop, and every request and answer was handed between threads as a task
   * (9 % of the gateway's samples at 1,500/s were such hand-offs; benchmarks.md, session 19).
   */
  private Relay relayOn(EventLoop loop) {
    return relays.computeIfAbsent(loop, l -> {
      // Connections idle for 20 s are closed, so few stale ones are left to a visit-service that restarted.
      ConnectionProvider connections = ConnectionProvider.builder(ROUTE_ID + "-" + relaysMade.getAndIncrement())
          .maxConnections(1_000)
          .pendingAcquireTimeout(Duration.ofSeconds(2))
          .maxIdleTime(Duration.ofSeconds(20))
          .build();
      HttpClient client = HttpClient.create(connections)
          .runOn(l)
          .baseUrl(visitService)
          .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis);
      return new Relay(client, connections);
    });
  }

  @Override
  public void destroy() {
    relays.values().forEach(relay -> relay.connections().dispose());
  }

  @Override
  public HttpServerRoutes apply(HttpServerRoutes routes) {
    return routes.route(CheckInRelay::isCheckIn, this::relay);
  }

  /** Exactly {@code POST /api/visits}, with or without a query; not {@code /api/visits/batch}. */
  private static boolean isCheckIn(HttpServerRequest request) {
    if (!HttpMethod.POST.equals(request.method())) {
      return false;
    }
    String uri = request.uri();
    int query = uri.indexOf('?');
    return query < 0 ? PATH.equals(uri) : query == PATH.length() && uri.startsWith(PATH);
  }

  private Publisher<Void> relay(HttpServerRequest request, HttpServerResponse response) {
    long start = System.nanoTime();
    String authorization = request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION);
    if (authorization == null && anonymousLimit != null) {
      // A worker's phone: the same bucket as its finder queries (ADR 9).
      TokenBuckets.Decision decision = anonymousLimit.take(request.requestHeaders().get("X-Forwarded-For"),
          request.remoteAddress());
      if (decision instanceof TokenBuckets.Decision.Refused no) {
        return tooMany(response, no.retryAfterSeconds())
            .doFinally(signal -> timers(response.status().code()).record(System.nanoTime() - start));
      }
      if (decision instanceof TokenBuckets.Decision.Allowed yes) {
        response.header("RateLimit-Remaining", String.valueOf(yes.remaining()));
      }
    }
    Mono<Void> relayed = request.requestHeaders().getInt(HttpHeaderNames.CONTENT_LENGTH, -1) > MAX_BODY_BYTES
        ? Mono.error(new TooLarge())
        : body(request)
            .flatMap(body -> breaker.run(call(request, body), failure -> Mono.error(new Unanswered(failure))))
            .flatMap(answer -> answer.writeTo(response));
    // A register or a district system: a bad token is refused here, a good one is not limited.
    Mono<Void> answered = authorization == null ? relayed : valid(authorization).then(relayed);
    return answered
        .onErrorResume(InvalidToken.class, invalid -> invalidToken(response, invalid.getMessage()))
        .onErrorResume(TooLarge.class, tooLarge -> tooLarge(response))
        .onErrorResume(Unanswered.class, unanswered -> unavailable(response, unanswered.getCause()))
        // Anything else is a fault of the relay itself; the caller still gets a problem, not a 500.
        .onErrorResume(fault -> response.hasSentHeaders() ? Mono.empty() : unavailable(response, fault))
        .doFinally(signal -> timers(response.status().code()).record(System.nanoTime() - start));
  }

  private Mono<Jwt> valid(String authorization) {
    if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Mono.error(new InvalidToken("Authorization 头应为 \"Bearer <令牌>\""));
    }
    return tokens.decode(authorization.substring(7).strip())
        .onErrorMap(JwtException.class, e -> new InvalidToken(e.getMessage()));
  }

  private static Mono<Void> invalidToken(HttpServerResponse response, String reason) {
    return new Answer(HttpStatus.UNAUTHORIZED.value(), List.of(PROBLEM_JSON,
        Map.entry(HttpHeaderNames.WWW_AUTHENTICATE.toString(), "Bearer error=\"invalid_token\"")),
        EdgeSecurity.invalidTokenProblem(reason)).writeTo(response);
  }

  private static Mono<Void> tooMany(HttpServerResponse response, long retryAfterSeconds) {
    return new Answer(HttpStatus.TOO_MANY_REQUESTS.value(), List.of(PROBLEM_JSON,
        Map.entry(HttpHeaderNames.RETRY_AFTER.toString(), String.valueOf(retryAfterSeconds))),
        PublicRateLimit.tooManyRequests(retryAfterSeconds)).writeTo(response);
  }

  /** The whole body, refused once it grows past the limit (a chunked body declares no length). */
  private static Mono<byte[]> body(HttpServerRequest request) {
    return request.receive().asByteArray()
        .collect(ByteArrayOutputStream::new, (whole, chunk) -> {
          if (whole.size() + chunk.length > MAX_BODY_BYTES) {
            throw new TooLarge();
          }
          whole.writeBytes(chunk);
        })
        .map(ByteArrayOutputStream::toByteArray);
  }

  private Mono<Answer> call(HttpServerRequest request, byte[] body) {
    return relayOn(eventLoopOf(request)).client().post().uri(request.uri())
        .send((outbound, out) -> {
          request.requestHeaders().forEach(header -> {
            if (!NOT_PASSED_ON.contains(header.getKey().toLowerCase(Locale.ROOT))) {
              outbound.requestHeaders().add(header.getKey(), header.getValue());
            }
          });
          outbound.requestHeaders()
              .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
              .set("X-Forwarded-For", forwardedFor(request))
              .set("X-Forwarded-Proto", request.scheme());
          String host = request.requestHeaders().get(HttpHeaderNames.HOST);
          if (host != null) {
            outbound.requestHeaders().set("X-Forwarded-Host", host);
          }
          return out.send(Mono.just(Unpooled.wrappedBuffer(body)));
        })
        .responseSingle((answer, content) -> content.asByteArray().defaultIfEmpty(new byte[0])
            .map(bytes -> new Answer(answer.status().code(), answer.responseHeaders().entries().stream()
                .filter(header -> !NOT_PASSED_ON.contains(header.getKey().toLowerCase(Locale.ROOT)))
                .toList(), bytes)));
  }

  private static EventLoop eventLoopOf(HttpServerRequest request) {
    EventLoop[] loop = new EventLoop[1];
    request.withConnection(connection -> loop[0] = connection.channel().eventLoop());
    return loop[0];
  }

  private static String forwardedFor(HttpServerRequest request) {
    InetSocketAddress remote = request.remoteAddress();
    String client = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    String earlier = request.requestHeaders().get("X-Forwarded-For");
    return earlier == null || earlier.isBlank() ? client : earlier + ", " + client;
  }

  /** visit-service did not answer (down, too slow, circuit open): what the route's fallback says. */
  private static Mono<Void> unavailable(HttpServerResponse response, Throwable cause) {
    return new Answer(ServiceUnavailable.status(cause).value(), List.of(PROBLEM_JSON,
        Map.entry(HttpHeaderNames.RETRY_AFTER.toString(), String.valueOf(ServiceUnavailable.RETRY_AFTER_SECONDS))),
        Problems.json(ServiceUnavailable.problem(BREAKER, cause))).writeTo(response);
  }

  private static Mono<Void> tooLarge(HttpServerResponse response) {
    byte[] problem = Problems.json(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "请求体过大 (content too large)",
        "一次签到的请求体不能超过 " + MAX_BODY_BYTES + " 字节；批量导入请用 /api/visits/batch。A check-in body may not exceed "
            + MAX_BODY_BYTES + " bytes; send many visits to /api/visits/batch.", "content-too-large"));
    return new Answer(HttpStatus.CONTENT_TOO_LARGE.value(), List.of(PROBLEM_JSON), problem).writeTo(response);
  }

  /** The route's and the server's timers for one status, with the tags each gets elsewhere: built once, not per request. */
  private Timers timers(int status) {
    return timers.computeIfAbsent(status, code -> {
      HttpStatus known = HttpStatus.resolve(code);
      HttpStatus.Series series = HttpStatus.Series.resolve(code);
      Timer route = Timer.builder("spring.cloud.gateway.requests")
          .tags("routeId", ROUTE_ID, "routeUri", visitService, "httpMethod", "POST",
              "httpStatusCode", String.valueOf(code),
              "status", known == null ? String.valueOf(code) : known.name(),
              "outcome", series == null ? "UNKNOWN" : series.name())
          .register(meters);
      Timer server = Timer.builder("http.server.requests")
          .tags("method", "POST", "uri", PATH, "status", String.valueOf(code), "exception", "none", "error", "none")
          .tag("outcome", Outcome.forStatus(code).name())
          .register(meters);
      return new Timers(route, server);
    });
  }

  private record Timers(Timer route, Timer server) {
    void record(long nanos) {
      route.record(nanos, TimeUnit.NANOSECONDS);
      server.record(nanos, TimeUnit.NANOSECONDS);
    }
  }

  /** An answer read whole: visit-service's, or the relay's own problem detail. */
  private record Answer(int status, List<Map.Entry<String, String>> headers, byte[] body) {
    Mono<Void> writeTo(HttpServerResponse response) {
      response.status(status);
      headers.forEach(header -> response.addHeader(header.getKey(), header.getValue()));
      return response.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(body.length))
          .send(Mono.just(Unpooled.wrappedBuffer(body)))
          .then();
    }
  }

  /** A body larger than any check-in. */
  private static final class TooLarge extends RuntimeException {
    TooLarge() {
      super("check-in body over " + MAX_BODY_BYTES + " bytes", null, false, false);
    }
  }

  /** A token that is not valid here. */
  private static final class InvalidToken extends RuntimeException {
    InvalidToken(@Nullable String reason) {
      super(reason == null ? "无法识别的令牌" : reason, null, false, false);
    }
  }

  /** Marks a failure to get an answer from visit-service, as opposed to one writing ours. */
  private static final class Unanswered extends RuntimeException {
    Unanswered(Throwable cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }
}
