package io.yizhan.gateway.ratelimit;

import io.yizhan.gateway.ErrorPages;
import io.yizhan.gateway.Problems;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Applies {@link PublicRateLimit} to the public endpoints before routing. A refused request gets
 * 429 with a Chinese problem detail (or, opening a page, {@link ErrorPages}'s page) and
 * Retry-After; allowed ones carry RateLimit-Remaining.
 */
@Component
@ConditionalOnProperty(name = "yizhan.gateway.public-rate-limit.enabled", havingValue = "true", matchIfMissing = true)
class PublicRateLimitFilter implements GlobalFilter, Ordered {

  private final List<PathPattern> paths;
  private final PublicRateLimit limit;

  PublicRateLimitFilter(PublicRateLimitProperties properties, PublicRateLimit limit) {
    this.paths = properties.paths().stream().map(PathPatternParser.defaultInstance::parse).toList();
    this.limit = limit;
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
    TokenBuckets.Decision decision = limit.take(exchange.getRequest().getHeaders().getFirst("X-Forwarded-For"),
        exchange.getRequest().getRemoteAddress());
    if (decision instanceof TokenBuckets.Decision.Refused no) {
      return tooMany(exchange, no.retryAfterSeconds());
    }
    if (decision instanceof TokenBuckets.Decision.Allowed yes) {
      exchange.getResponse().getHeaders().set("RateLimit-Remaining", String.valueOf(yes.remaining()));
    }
    return chain.filter(exchange);
  }

  private static Mono<Void> tooMany(ServerWebExchange exchange, long retryAfterSeconds) {
    ServerHttpResponse response = exchange.getResponse();
    response.getHeaders().set("Retry-After", String.valueOf(retryAfterSeconds));
    if (ErrorPages.wanted(exchange.getRequest().getHeaders())) {
      return ErrorPages.write(response, HttpStatus.TOO_MANY_REQUESTS, ErrorPages.page("请求过于频繁",
          "这个网络地址在短时间内打开了太多页面或查询，请稍等片刻。", "Too many requests from this address.",
          retryAfterSeconds));
    }
    return Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, PublicRateLimit.tooManyRequests(retryAfterSeconds));
  }
}
