package io.yizhan.support.security;

import io.yizhan.support.problem.UnauthenticatedException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/** The caller of the request at hand. */
public final class Callers {

  private final ReactiveJwtDecoder decoder;

  public Callers(ReactiveJwtDecoder decoder) {
    this.decoder = decoder;
  }

  /** Within a WebFlux request: the caller the security filter authenticated, or anonymous. */
  public static Mono<Caller> current() {
    return ReactiveSecurityContextHolder.getContext()
        .mapNotNull(context -> context.getAuthentication() instanceof JwtAuthenticationToken token
            ? of(token.getToken()) : null)
        .defaultIfEmpty(Caller.anonymous());
  }

  public static Caller of(Jwt jwt) {
    return Caller.fromClaims(jwt.getSubject() == null ? "unknown" : jwt.getSubject(), jwt.getClaims());
  }

  /**
   * For a request that does not pass WebFlux's security filter (a route of the Netty server):
   * no Authorization header is an anonymous caller; a bearer token is checked as the filter
   * would, and a bad one fails with {@link UnauthenticatedException}.
   */
  public Mono<Caller> fromAuthorization(@Nullable String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return Mono.just(Caller.anonymous());
    }
    if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Mono.error(new UnauthenticatedException(
          "Authorization 头应为 \"Bearer <令牌>\"；匿名签到请不带 Authorization 头。", new IllegalArgumentException(authorization.split(" ")[0])));
    }
    return decoder.decode(authorization.substring(7).strip())
        .map(Callers::of)
        .onErrorMap(JwtException.class, e -> new UnauthenticatedException(
            "令牌无效或已过期（" + e.getMessage() + "）。请重新获取令牌后重试；匿名签到请不带 Authorization 头。", e));
  }
}
