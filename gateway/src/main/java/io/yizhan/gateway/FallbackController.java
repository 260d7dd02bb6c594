package io.yizhan.gateway;

import java.util.Map;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** Each route's fallback: the {@link ServiceUnavailable} problem for the service it goes to. */
@RestController
class FallbackController {

  @RequestMapping("/fallback/{service}")
  ResponseEntity<Map<String, Object>> unavailable(@PathVariable String service, ServerWebExchange exchange) {
    Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
    return ResponseEntity.status(ServiceUnavailable.status(cause))
        .header("Retry-After", String.valueOf(ServiceUnavailable.RETRY_AFTER_SECONDS))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(ServiceUnavailable.problem(service, cause));
  }
}
