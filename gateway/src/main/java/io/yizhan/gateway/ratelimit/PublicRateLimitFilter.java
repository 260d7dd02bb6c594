package io.yizhan.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies {@link TokenBuckets} to the public endpoints before routing. A refused request gets
 * 429 with a Chinese problem detail and Retry-After; allowed ones carry RateLimit-Remaining.
 * Limits are per gateway instance: with N instances a client may get up to N times the rate.
 */
@Component
@EnableConfigurationProperties(PublicRateLimitProperties.class)
@ConditionalOnProperty(name = "yizhan.gateway.public-rate-limit.enabled", havingValue = "true", matchIfMissing = true)
class PublicRateLimitFilter implements GlobalFilter, Ordered {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final List<PathPattern> paths;
  private final TokenBuckets buckets;
  private final boolean trustForwardedFor;
  private final Counter refused;
  private final Counter untracked;

  PublicRateLimitFilter(PublicRateLimitProperties properties, MeterRegistry meters) {
    this.paths = properties.paths().stream().map(PathPatternParser.defaultInstance::parse).toList();
    this.buckets = new TokenBuckets(properties.perSecond(), properties.burst(), properties.maxClients(), System::nanoTime);
    this.trustForwardedFor = properties.trustForwardedFor();
    this.refused = Counter.builder("yizhan.gateway.rate_limited")
        .description("Public requests refused with 429 because their client exceeded its rate").register(meters);
    this.untracked = Counter.builder("yizhan.gateway.rate_limit_untracked")
        .description("Public requests let through unlimited because too many clients were tracked").register(meters);
    meters.gauge("yizhan.gateway.rate_limit_clients", buckets, TokenBuckets::tracked);
  }

  @Override
  public int getOrder() {
    // Before routing and the circuit breaker: a refused request never reaches a service.
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    var path = exchange.getRequest().getPath().pathWithinApplication();
    if (paths.stream().noneMatch(p -> p.matches(path))) {
      return chain.filter(exchange);
    }
    TokenBuckets.Decision decision = buckets.take(client(exchange));
    if (decision instanceof TokenBuckets.Decision.Refused no) {
      refused.increment();
      return tooMany(exchange.getResponse(), no.retryAfterSeconds());
    }
    if (decision instanceof TokenBuckets.Decision.Allowed yes) {
      exchange.getResponse().getHeaders().set("RateLimit-Remaining", String.valueOf(yes.remaining()));
    } else {
      untracked.increment();
    }
    return chain.filter(exchange);
  }

  @Scheduled(fixedDelay = 30_000)
  void forgetIdle() {
    buckets.forgetIdle();
  }

  private String client(ServerWebExchange exchange) {
    if (trustForwardedFor) {
      String forwarded = exchange.getRequest().getHeaders().getFirst("X-Forwarded-For");
      if (forwarded != null && !forwarded.isBlank()) {
        return forwarded.split(",", 2)[0].strip();
      }
    }
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
  }

  private static Mono<Void> tooMany(ServerHttpResponse response, long retryAfterSeconds) {
    // RFC 9457 members only: a ProblemDetail bean would also write its unset fields as null.
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "urn:yizhan:problem:rate-limited");
    problem.put("title", "请求过于频繁 (too many requests)");
    problem.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
    problem.put("detail", "请求过于频繁，请 " + retryAfterSeconds + " 秒后再试。Too many requests from this address; retry after "
        + retryAfterSeconds + " s.");
    response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    response.getHeaders().set("Retry-After", String.valueOf(retryAfterSeconds));
    byte[] body = JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }
}
