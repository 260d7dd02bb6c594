package io.yizhan.gateway;

import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.HtmlUtils;

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

  /**
   * The same for someone who opened a page (a dashboard, a station's page from its QR code): a
   * page in Chinese that says so and loads itself again once the wait is over, not the JSON a
   * script would read.
   */
  public static String page(String service, @Nullable Throwable cause) {
    return """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="refresh" content="%d">
        <title>页面暂时打不开 · 驿站</title>
        <style>body { font-family: system-ui, sans-serif; margin: 0; color: #222; background: #fafafa; }
        main { max-width: 34em; margin: 15vh auto 0; padding: 24px; background: #fff; border-top: 4px solid #b71c1c; }
        h1 { font-size: 22px; margin: 0 0 12px; } p { line-height: 1.7; } .en { color: #666; font-size: 14px; }</style>
        </head><body><main>
        <h1>页面暂时打不开</h1>
        <p>%s，正在恢复；此前已成功提交的数据不受影响。</p>
        <p>本页将在 %d 秒后自动重试，也可以<a href="">立即重试</a>。</p>
        <p class="en" lang="en">This part of the platform is temporarily unavailable. The page retries by itself in %d seconds.</p>
        </main></body></html>
        """.formatted(RETRY_AFTER_SECONDS, HtmlUtils.htmlEscape(what(service, cause)), RETRY_AFTER_SECONDS,
        RETRY_AFTER_SECONDS);
  }

  private static String what(String service, @Nullable Throwable cause) {
    return WHAT.getOrDefault(service, service) + "功能暂时不可用"
        + (status(cause) == HttpStatus.GATEWAY_TIMEOUT ? "（响应超时）" : "");
  }
}
