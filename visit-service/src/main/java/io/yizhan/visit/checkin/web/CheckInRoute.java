package io.yizhan.visit.checkin.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.yizhan.support.problem.TooLargeException;
import io.yizhan.support.security.Caller;
import io.yizhan.support.security.Callers;
import io.yizhan.support.web.ProblemDetailsAdvice;
import io.yizhan.visit.checkin.Visits;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;
import reactor.util.context.Context;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes {@code POST /api/visits} (one check-in) as a route of visit-service's Reactor Netty
 * server, ahead of Spring WebFlux (ADR 17), as the gateway relays it (ADR 16).
 *
 * <p>Why: at 2,000 check-ins a second on the two-core devstack, what WebFlux does around a
 * check-in (handler mapping, argument resolution and result handling, the filter chain, the
 * request's observation) was about a fifth of visit-service's CPU, for a body under 1 KB with one
 * handler (docs/benchmarks.md, session 23). The check-in itself is the same as the
 * controller's ({@link SingleCheckIns}), and so is every answer:
 * <ul>
 *   <li>201 with {@code Location}, or 200 for a visit id already recorded, with the same JSON;</li>
 *   <li>every failure as the same problem detail, built by {@link ProblemDetailsAdvice#answerFor};
 *       a body that is not JSON gets 400 {@code unreadable-request}, another content type 415,
 *       a body over 16 KB 413 (a check-in is under 1 KB; many go to {@code /api/visits/batch});</li>
 *   <li>the server's metric {@code http_server_requests} with {@code uri="/api/visits"} and the
 *       tag names WebFlux gives its own series (Prometheus takes a name with one set of them).</li>
 * </ul>
 * <p>A check-in is worked on and answered on its connection's event loop, but always in a task of
 * its own, never within the read that brought it: Reactor Netty 1.3.6 can stop reading a
 * keep-alive connection when a request completes there at once (see {@code AnsweredOffTheEventLoop},
 * which for WebFlux hands every request to the parallel scheduler instead). Its answer is heard on
 * the same loop ({@link Visits#ANSWER_ON}) and written from there: handed to the parallel
 * scheduler and from it back to the loop, each check-in crossed threads twice more.
 *
 * <p>No WebFilter sees a check-in. {@code yizhan.visits.check-in-route.enabled=false} hands
 * check-ins back to WebFlux and {@link VisitController}.
 */
@Component
@ConditionalOnProperty(name = "yizhan.visits.check-in-route.enabled", havingValue = "true", matchIfMissing = true)
class CheckInRoute implements NettyRouteProvider {

  private static final String PATH = "/api/visits";
  private static final int MAX_BODY_BYTES = 16 * 1024;
  /** nginx's "client closed request": the caller went away before the answer. */
  private static final int CALLER_GONE = 499;

  private final SingleCheckIns checkIns;
  private final Callers callers;
  private final JsonMapper json;
  private final MeterRegistry meters;
  private final Map<Integer, Timer> timers = new ConcurrentHashMap<>();
  private final Map<EventLoop, Scheduler> eventLoops = new ConcurrentHashMap<>();

  CheckInRoute(SingleCheckIns checkIns, Callers callers, JsonMapper json, MeterRegistry meters) {
    this.checkIns = checkIns;
    this.callers = callers;
    // Spring Boot's mapper, as WebFlux uses it: the same JSON both ways, problem details flattened.
    this.json = json.rebuild().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
    this.meters = meters;
  }

  @Override
  public HttpServerRoutes apply(HttpServerRoutes routes) {
    return routes.route(CheckInRoute::isCheckIn, this::checkIn);
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

  private Publisher<Void> checkIn(HttpServerRequest request, HttpServerResponse response) {
    long start = System.nanoTime();
    String idempotencyKey = request.requestHeaders().get("Idempotency-Key");
    // WebFlux's security filter does not see this route: a token, if any, is checked here (a
    // worker's phone sends none; a manager's register or a district system does).
    String authorization = request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION);
    Scheduler loop = eventLoopOf(request);
    return body(request)
        // A task of its own on the loop: never completed within the read that brought it.
        .publishOn(loop)
        .flatMap(body -> authorization == null
            ? checkIns.checkIn(parsed(request, body), idempotencyKey, Caller.anonymous())
            : callers.fromAuthorization(authorization)
                .flatMap(caller -> checkIns.checkIn(parsed(request, body), idempotencyKey, caller)))
        .<ResponseEntity<?>>map(answer -> answer)
        .onErrorResume(failure -> !(failure instanceof AbortedException),
            failure -> Mono.just(answerTo(failure)))
        .flatMap(answer -> write(response, answer))
        // A caller gone before its answer is nobody's error: nothing to write, nothing to log.
        .onErrorResume(AbortedException.class, gone -> Mono.empty())
        .doFinally(signal -> timer(signal == SignalType.CANCEL ? CALLER_GONE : response.status().code())
            .record(System.nanoTime() - start, TimeUnit.NANOSECONDS))
        .contextWrite(Context.of(Visits.ANSWER_ON, loop));
  }

  /** The connection's event loop as a scheduler, one per loop. */
  private Scheduler eventLoopOf(HttpServerRequest request) {
    EventLoop[] loop = new EventLoop[1];
    request.withConnection(connection -> loop[0] = connection.channel().eventLoop());
    return eventLoops.computeIfAbsent(loop[0], Schedulers::fromExecutor);
  }

  /**
   * The whole body: refused before reading when it declares more than the limit, and as soon as
   * it grows past it when it declares nothing (chunked).
   */
  private static Mono<byte[]> body(HttpServerRequest request) {
    if (request.requestHeaders().getInt(HttpHeaderNames.CONTENT_LENGTH, -1) > MAX_BODY_BYTES) {
      return Mono.error(tooLarge());
    }
    return request.receive().asByteArray()
        .collect(ByteArrayOutputStream::new, (whole, chunk) -> {
          if (whole.size() + chunk.length > MAX_BODY_BYTES) {
            throw tooLarge();
          }
          whole.writeBytes(chunk);
        })
        .map(ByteArrayOutputStream::toByteArray);
  }

  private static TooLargeException tooLarge() {
    return new TooLargeException("一次签到的请求体不能超过 " + MAX_BODY_BYTES + " 字节；批量导入请用 /api/visits/batch。"
        + "A check-in body may not exceed " + MAX_BODY_BYTES + " bytes; send many visits to /api/visits/batch.");
  }

  /** The body as a check-in, or the problem that says why it is not one. */
  private CheckInRequest parsed(HttpServerRequest request, byte[] body) {
    if (!isJson(request.requestHeaders().get(HttpHeaderNames.CONTENT_TYPE))) {
      throw new UnsupportedContentType();
    }
    try {
      CheckInRequest checkIn = json.readValue(body, CheckInRequest.class);
      if (checkIn == null) {
        throw new NotACheckIn("the body is JSON null");
      }
      return checkIn;
    } catch (JacksonException e) {
      throw new NotACheckIn(e);
    }
  }

  private static boolean isJson(@Nullable String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return MediaType.APPLICATION_JSON.isCompatibleWith(type) || "json".equals(type.getSubtypeSuffix());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static ResponseEntity<?> answerTo(Throwable failure) {
    if (failure instanceof NotACheckIn) {
      return ResponseEntity.badRequest().body(ProblemDetailsAdvice.unreadable(failure));
    }
    if (failure instanceof UnsupportedContentType) {
      return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
          .header(HttpHeaderNames.ACCEPT.toString(), MediaType.APPLICATION_JSON_VALUE)
          .body(ProblemDetailsAdvice.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的内容类型 (unsupported media type)",
              "签到的请求体须为 JSON：请加上请求头 Content-Type: application/json 后重试。"
                  + "A check-in is JSON: send it with Content-Type: application/json.",
              "unsupported-media-type"));
    }
    return ProblemDetailsAdvice.answerFor(failure);
  }

  private Mono<Void> write(HttpServerResponse response, ResponseEntity<?> answer) {
    Object body = answer.getBody();
    String contentType = MediaType.APPLICATION_JSON_VALUE;
    if (body instanceof ProblemDetail detail) {
      contentType = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
      if (detail.getInstance() == null) {
        detail.setInstance(URI.create(PATH)); // as WebFlux fills it in: the path that was asked
      }
    }
    byte[] bytes = body == null ? new byte[0] : json.writeValueAsBytes(body);
    response.status(answer.getStatusCode().value());
    answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
    return response
        .header(HttpHeaderNames.CONTENT_TYPE, contentType)
        .header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(bytes.length))
        .sendByteArray(Mono.just(bytes))
        .then();
  }

  /** The server's timer for one status, with WebFlux's tag names: built once, not per request. */
  private Timer timer(int status) {
    return timers.computeIfAbsent(status, code -> Timer.builder("http.server.requests")
        .tags("method", "POST", "uri", PATH, "status", String.valueOf(code), "exception", "none", "error", "none")
        .tag("outcome", Outcome.forStatus(code).name())
        .register(meters));
  }

  /** A body that does not read as a check-in: answered as WebFlux answers unreadable JSON. */
  private static final class NotACheckIn extends RuntimeException {
    NotACheckIn(Throwable cause) {
      super(cause.getMessage(), cause, false, false);
    }

    NotACheckIn(String reason) {
      super(reason, null, false, false);
    }
  }

  /** A body that is not JSON at all. */
  private static final class UnsupportedContentType extends RuntimeException {
    UnsupportedContentType() {
      super("check-in body not JSON", null, false, false);
    }
  }
}
