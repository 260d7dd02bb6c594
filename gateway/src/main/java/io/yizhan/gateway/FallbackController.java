package io.yizhan.gateway;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Each route's fallback: the {@link ServiceUnavailable} problem for the service it goes to, or its
 * page when a browser asked for a page ({@link ErrorPages}).
 */
@RestController
class FallbackController {

  @RequestMapping("/fallback/{service}")
  ResponseEntity<?> unavailable(@PathVariable String service, ServerWebExchange exchange) {
    Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(ServiceUnavailable.status(cause))
        .header("Retry-After", String.valueOf(ServiceUnavailable.RETRY_AFTER_SECONDS));
    return ErrorPages.wanted(exchange.getRequest().getHeaders())
        ? answer.contentType(ErrorPages.HTML).body(ServiceUnavailable.page(service, cause))
        : answer.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(ServiceUnavailable.problem(service, cause));
  }
}
