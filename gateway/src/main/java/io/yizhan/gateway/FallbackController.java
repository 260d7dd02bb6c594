package io.yizhan.gateway;

import java.nio.charset.StandardCharsets;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Each route's fallback: the {@link ServiceUnavailable} problem for the service it goes to, or
 * its page when a browser asked for a page (its Accept names {@code text/html}; scripts' fetches
 * and API clients send {@code *}{@code /*} or JSON and get the problem).
 */
@RestController
class FallbackController {

  @RequestMapping("/fallback/{service}")
  ResponseEntity<?> unavailable(@PathVariable String service, ServerWebExchange exchange) {
    Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(ServiceUnavailable.status(cause))
        .header("Retry-After", String.valueOf(ServiceUnavailable.RETRY_AFTER_SECONDS));
    boolean pageWanted = exchange.getRequest().getHeaders().getAccept().stream()
        .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
    return pageWanted
        ? answer.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
            .body(ServiceUnavailable.page(service, cause))
        : answer.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(ServiceUnavailable.problem(service, cause));
  }
}
