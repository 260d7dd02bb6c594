package io.yizhan.gateway.security;

import io.yizhan.contracts.access.AccessClaims;
import io.yizhan.contracts.access.Role;
import io.yizhan.gateway.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every request to a route passes; one with a bad token is answered 401 here, before it uses a
 * route or a service's time, and its token travels on to the service, which checks it again and
 * decides. Requests without a token pass no security filter but the firewall, except those to the
 * gateway's own metrics, which are for operations ({@code OPS}), as in every service.
 */
@Configuration
@EnableWebFluxSecurity
public class EdgeSecurity {

  /** Open to anyone: probes (their status; what is behind it is for {@code OPS}). */
  private static final String[] PROBES = {"/actuator/health/**", "/actuator/info"};

  @Bean
  SecurityWebFilterChain edge(ServerHttpSecurity http) {
    return http
        // Only a request with a token has anything to check here: the others pass no security
        // filter, which costs every anonymous finder query a little (benchmarks.md, session 29).
        .securityMatcher(new OrServerWebExchangeMatcher(
            exchange -> exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch(),
            new AndServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers("/actuator/**"),
                new NegatedServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers(PROBES)))))
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .authorizeExchange(rules -> rules
            .pathMatchers(PROBES).permitAll()
            .pathMatchers(HttpMethod.GET, "/actuator/**").hasRole(Role.OPS.name())
            .pathMatchers("/actuator/**").denyAll()
            .anyExchange().permitAll())
        .oauth2ResourceServer(server -> server
            .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesAsAuthorities()))
            .authenticationEntryPoint(EdgeSecurity::unauthorized)
            .accessDeniedHandler((exchange, e) -> forbidden(exchange.getResponse())))
        .exceptionHandling(handling -> handling
            .authenticationEntryPoint(EdgeSecurity::unauthorized)
            .accessDeniedHandler((exchange, e) -> forbidden(exchange.getResponse())))
        .build();
  }

  /** The token's {@code roles} claim as authorities (OPS → ROLE_OPS), as the services read it. */
  private static ReactiveJwtAuthenticationConverterAdapter rolesAsAuthorities() {
    JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
    roles.setAuthoritiesClaimName(AccessClaims.ROLES);
    roles.setAuthorityPrefix("ROLE_");
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(roles);
    return new ReactiveJwtAuthenticationConverterAdapter(converter);
  }

  private static Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException e) {
    if (exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
      return invalidToken(exchange.getResponse(), e.getMessage());
    }
    exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    return Problems.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, Problems.json(Problems.of(
        HttpStatus.UNAUTHORIZED, "需要登录 (unauthorized)",
        "网关的指标只对运维开放：请在请求头中带上 Authorization: Bearer <令牌>（本地开发可用 ./yizhan token ops 取得）。",
        "unauthorized")));
  }

  private static Mono<Void> forbidden(ServerHttpResponse response) {
    return Problems.write(response, HttpStatus.FORBIDDEN, Problems.json(Problems.of(HttpStatus.FORBIDDEN,
        "无权操作 (forbidden)", "网关的指标只对运维（OPS）开放，且只能读取。如需此权限，请联系市总工会的平台管理员。", "forbidden")));
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
