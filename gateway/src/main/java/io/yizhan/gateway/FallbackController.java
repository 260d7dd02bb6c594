package io.yizhan.gateway;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;

/**
 * What a caller gets when a service is down, too slow, or its circuit is open: a problem detail
 * that says which part of the platform is unavailable and what to do, never a bare 500.
 */
@RestController
class FallbackController {

  private static final Map<String, String> WHAT = Map.of(
      "station-service", "站点查询与登记",
      "visit-service", "签到与使用统计",
      "assessment-service", "星级考核",
      "notification-service", "通知");

  @RequestMapping("/fallback/{service}")
  ResponseEntity<ProblemDetail> unavailable(@PathVariable String service, ServerWebExchange exchange) {
    Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
    boolean timedOut = cause instanceof java.util.concurrent.TimeoutException;
    HttpStatus status = timedOut ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.SERVICE_UNAVAILABLE;
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
        WHAT.getOrDefault(service, service) + "功能暂时不可用" + (timedOut ? "（响应超时）" : "")
            + "，请稍后重试；此前已成功提交的数据不受影响。The service is temporarily unavailable; please retry shortly.");
    problem.setTitle("服务暂时不可用 (service unavailable)");
    problem.setType(URI.create("urn:yizhan:problem:service-unavailable"));
    problem.setProperty("service", service);
    return ResponseEntity.status(status)
        .header("Retry-After", "10")
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
