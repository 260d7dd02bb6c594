package io.yizhan.gateway.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Two headers on every answer the gateway gives, whoever asked: a browser must not guess an
 * answer's type from its bytes ({@code nosniff}), and no other site may show the dashboards, the
 * stations' public pages or the sign-in button inside a frame of its own, where a click can be
 * stolen ({@code DENY}). Spring Security writes the same two for a request with a token, but an
 * anonymous request passes no security filter ({@link EdgeSecurity}), and anonymous requests are
 * the public pages and dashboards. One filter writing two headers costs far less than the chain.
 * Single check-ins take the lean relay ({@code CheckInRelay}) and are answered in JSON to
 * scripts, where neither header changes anything.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BrowserHeaders implements WebFilter {

  static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";
  static final String FRAME_OPTIONS = "X-Frame-Options";

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpResponse response = exchange.getResponse();
    response.beforeCommit(() -> {
      // The service's own, or Spring Security's, when already there: never a header twice.
      HttpHeaders headers = response.getHeaders();
      if (!headers.containsHeader(CONTENT_TYPE_OPTIONS)) {
        headers.set(CONTENT_TYPE_OPTIONS, "nosniff");
      }
      if (!headers.containsHeader(FRAME_OPTIONS)) {
        headers.set(FRAME_OPTIONS, "DENY");
      }
      return Mono.empty();
    });
    return chain.filter(exchange);
  }
}
