package io.yizhan.gateway;

import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * The answer a caller gets when a service is down, too slow, or its circuit is open: a problem
 * detail (RFC 9457) that says which part of the platform is unavailable and what to do, never a
 * bare 500. Shared by the routes' fallback and the check-in relay, so both say the same.
 */
public final class ServiceUnavailable {

  /** Seconds a caller is told to wait before retrying. */
  public static final int RETRY_AFTER_SECONDS = 10;

  private static final Map<String, String> WHAT = Map.of(
      "station-service", "站点查询与登记",
      "visit-service", "签到与使用统计",
      "assessment-service", "星级考核",
      "notification-service", "通知");

  private ServiceUnavailable() {}

  /** 504 when the service was too slow, 503 for everything else (down, circuit open, refused). */
  public static HttpStatus status(@Nullable Throwable cause) {
    return cause instanceof TimeoutException ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.SERVICE_UNAVAILABLE;
  }

  /** The problem detail's members, in the order RFC 9457 lists them. */
  public static Map<String, Object> problem(String service, @Nullable Throwable cause) {
    Map<String, Object> problem = Problems.of(status(cause), "服务暂时不可用 (service unavailable)",
        what(service, cause) + "，请稍后重试；此前已成功提交的数据不受影响。"
            + "The service is temporarily unavailable; please retry shortly.",
        "service-unavailable");
    problem.put("service", service);
    return problem;
  }

  /** The same for someone who opened a page ({@link ErrorPages}). */
  public static String page(String service, @Nullable Throwable cause) {
    return ErrorPages.page("页面暂时打不开", what(service, cause) + "，正在恢复；此前已成功提交的数据不受影响。",
        "This part of the platform is temporarily unavailable.", RETRY_AFTER_SECONDS);
  }

  private static String what(String service, @Nullable Throwable cause) {
    return WHAT.getOrDefault(service, service) + "功能暂时不可用"
        + (status(cause) == HttpStatus.GATEWAY_TIMEOUT ? "（响应超时）" : "");
  }
}
