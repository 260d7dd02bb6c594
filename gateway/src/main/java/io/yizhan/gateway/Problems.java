package io.yizhan.gateway;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's own problem details (RFC 9457), written as plain maps: a ProblemDetail bean would
 * also write its unset members as null. Used by the routes' fallback, the rate limit, the token
 * check and the check-in relay, so each says it the same way.
 */
public final class Problems {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Problems() {}

  /** The members in the order RFC 9457 lists them; callers may add their own after. */
  public static Map<String, Object> of(HttpStatus status, String title, String detail, String type) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "urn:yizhan:problem:" + type);
    problem.put("title", title);
    problem.put("status", status.value());
    problem.put("detail", detail);
    return problem;
  }

  public static byte[] json(Map<String, Object> problem) {
    return JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
  }

  /** Answers a WebFlux request with this problem. */
  public static Mono<Void> write(ServerHttpResponse response, HttpStatus status, byte[] problem) {
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(problem)));
  }
}
