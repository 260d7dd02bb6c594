package io.yizhan.gateway;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * What the gateway shows someone who opened a page (a dashboard, a station's page from its QR
 * code) when it refuses or cannot serve it: a page in Chinese that says why and opens itself again
 * once the wait is over, where a script or an API client reads a problem detail instead.
 */
public final class ErrorPages {

  /** A page as the gateway's HTML answers are typed. */
  public static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  private ErrorPages() {}

  /**
   * Whether the caller asked for a page: its Accept names {@code text/html}, as a browser's
   * address bar and links do; scripts' fetches send {@code *}{@code /*} or JSON.
   */
  public static boolean wanted(HttpHeaders headers) {
    return headers.getAccept().stream()
        .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
  }

  /**
   * @param heading what happened, in a few words
   * @param message what it means for the reader, in Chinese
   * @param english the same for a reader without Chinese
   */
  public static String page(String heading, String message, String english, long retryAfterSeconds) {
    return """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="refresh" content="%1$d">
        <title>%2$s · 驿站</title>
        <style>body { font-family: system-ui, sans-serif; margin: 0; color: #222; background: #fafafa; }
        main { max-width: 34em; margin: 15vh auto 0; padding: 24px; background: #fff; border-top: 4px solid #b71c1c; }
        h1 { font-size: 22px; margin: 0 0 12px; } p { line-height: 1.7; } .en { color: #666; font-size: 14px; }</style>
        </head><body><main>
        <h1>%2$s</h1>
        <p>%3$s</p>
        <p>本页将在 %1$d 秒后自动重新打开，也可以到时<a href="">点此重试</a>。</p>
        <p class="en" lang="en">%4$s This page opens again by itself in %1$d seconds.</p>
        </main></body></html>
        """.formatted(retryAfterSeconds, HtmlUtils.htmlEscape(heading), HtmlUtils.htmlEscape(message),
        HtmlUtils.htmlEscape(english));
  }

  /** Answers a WebFlux request with this page. */
  public static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String page) {
    response.setStatusCode(status);
    response.getHeaders().setContentType(HTML);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(page.getBytes(StandardCharsets.UTF_8))));
  }
}
