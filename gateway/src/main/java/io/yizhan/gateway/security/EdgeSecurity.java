package io.yizhan.gateway.security;

import io.yizhan.gateway.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import reactor.core.publisher.Mono;

/**
 * Every request passes; one with a bad token is answered 401 here, before it uses a route or a
 * service's time. Requests without a token pass no security filter but the firewall. The token travels on to the service, which checks it again and decides.
 */
@Configuration
@EnableWebFluxSecurity
public class EdgeSecurity {

  @Bean
  SecurityWebFilterChain edge(ServerHttpSecurity http) {
    return http
        // Only a request with a token has anything to check here: the others pass no security
        // filter, which costs every anonymous finder query a little (benchmarks.md, session 29).
        .securityMatcher(exchange -> exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
            ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch())
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .authorizeExchange(rules -> rules.anyExchange().permitAll())
        .oauth2ResourceServer(server -> server
            .jwt(jwt -> {})
            .authenticationEntryPoint((exchange, e) -> invalidToken(exchange.getResponse(), e.getMessage())))
        .build();
  }

  /** As the services' firewall: visit ids may hold a backslash; refusals are problem details. */
  @Bean
  ServerWebExchangeFirewall firewall() {
    StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
    firewall.setAllowBackSlash(true);
    return firewall;
  }

  @Bean
  ServerExchangeRejectedHandler rejectedRequests() {
    return (exchange, rejected) -> Problems.write(exchange.getResponse(), HttpStatus.BAD_REQUEST,
        Problems.json(Problems.of(HttpStatus.BAD_REQUEST, "请求地址有误 (rejected request)",
            "请求地址含有不允许的字符（" + rejected.getMessage() + "）。请检查地址与编号后重试。", "rejected-request")));
  }

  /** The 401 for a token that is not valid here, the same as a service's. */
  static Mono<Void> invalidToken(ServerHttpResponse response, String reason) {
    response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
    return Problems.write(response, HttpStatus.UNAUTHORIZED, invalidTokenProblem(reason));
  }

  public static byte[] invalidTokenProblem(String reason) {
    return Problems.json(Problems.of(HttpStatus.UNAUTHORIZED, "令牌无效 (invalid token)",
        "令牌无效或已过期（" + reason + "）。请重新获取令牌后重试；匿名签到与查询请不带 Authorization 头。", "invalid-token"));
  }
}
