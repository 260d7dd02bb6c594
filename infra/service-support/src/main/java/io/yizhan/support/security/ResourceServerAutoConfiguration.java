package io.yizhan.support.security;

import io.yizhan.contracts.access.AccessClaims;
import io.yizhan.contracts.access.Role;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes the service a stateless OAuth2 resource server. Where tokens come from is Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*} (the service defaults point at the
 * devstack's issuer; production sets {@code YIZHAN_ISSUER_URI}).
 */
@AutoConfiguration(beforeName =
    "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableWebFluxSecurity
public class ResourceServerAutoConfiguration {

  /**
   * Open to anyone on every service: probes (their status; the details are for {@code OPS}) and
   * the API description. Metrics are not: they tell how busy each station's service is, and
   * Prometheus scrapes with an {@code OPS} token (infra/monitoring/prometheus.yml).
   */
  private static final String[] PLATFORM_PUBLIC = {
    "/actuator/health/**", "/actuator/info", "/v3/api-docs/**", "/favicon.ico", "/error"
  };

  @Bean
  SecurityWebFilterChain resourceServer(ServerHttpSecurity http, ObjectProvider<AccessRules> serviceRules, JsonMapper json) {
    List<ServerWebExchangeMatcher> open = new ArrayList<>();
    open.add(ServerWebExchangeMatchers.pathMatchers(PLATFORM_PUBLIC));
    serviceRules.orderedStream().forEach(service -> open.add(service.publicPaths()));
    ServerWebExchangeMatcher publicPaths = headAsGet(new OrServerWebExchangeMatcher(open));
    return http
        // An anonymous request to a public path passes no security filter (AccessRules#publicPaths).
        .securityMatcher(new OrServerWebExchangeMatcher(
            exchange -> exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch(),
            new NegatedServerWebExchangeMatcher(publicPaths)))
        // Bearer tokens, no cookies: nothing for a cross-site request to ride on, no session to keep.
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .authorizeExchange(rules -> {
          rules.pathMatchers(HttpMethod.OPTIONS).permitAll();
          rules.matchers(publicPaths).permitAll();
          rules.pathMatchers(HttpMethod.GET, "/actuator/**").hasRole(Role.OPS.name());
          rules.pathMatchers("/actuator/**").denyAll();
          serviceRules.orderedStream().forEach(service -> service.apply(rules));
          rules.pathMatchers(HttpMethod.GET, "/**").authenticated();
          rules.pathMatchers(HttpMethod.HEAD, "/**").authenticated();
          rules.anyExchange().hasRole(Role.CITY_ADMIN.name());
        })
        .oauth2ResourceServer(server -> server
            .jwt(jwt -> jwt.jwtAuthenticationConverter(authentication()))
            .authenticationEntryPoint((exchange, e) -> unauthorized(exchange, e, json))
            .accessDeniedHandler((exchange, e) -> forbidden(exchange, json)))
        .exceptionHandling(handling -> handling
            .authenticationEntryPoint((exchange, e) -> unauthorized(exchange, e, json))
            .accessDeniedHandler((exchange, e) -> forbidden(exchange, json)))
        .build();
  }

  /**
   * HEAD is GET without the body (RFC 9110, 9.3.2), and WebFlux answers it so: a public page must
   * answer a link checker, an uptime probe or {@code curl -I} as it answers a browser, not 401.
   * The services' public paths name GET only.
   */
  static ServerWebExchangeMatcher headAsGet(ServerWebExchangeMatcher matcher) {
    return exchange -> exchange.getRequest().getMethod() == HttpMethod.HEAD
        ? matcher.matches(exchange.mutate().request(request -> request.method(HttpMethod.GET)).build())
        : matcher.matches(exchange);
  }

  /**
   * Spring Security's strict firewall, but a backslash may stand in a path: visit ids are the
   * district systems' own and may hold one ({@code GET /api/visits/{id}}). Paths are matched by
   * segments, where a backslash is an ordinary character.
   */
  @Bean
  ServerWebExchangeFirewall firewall() {
    StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
    firewall.setAllowBackSlash(true);
    return firewall;
  }

  /** What the firewall refuses (an encoded slash, a semicolon) is a problem detail, not a bare 400. */
  @Bean
  ServerExchangeRejectedHandler rejectedRequests(JsonMapper json) {
    return (exchange, rejected) -> write(exchange.getResponse(), HttpStatus.BAD_REQUEST, "请求地址有误 (rejected request)",
        "请求地址含有不允许的字符（" + rejected.getMessage() + "）。请检查地址与编号后重试。", "rejected-request", json);
  }

  @Bean
  Callers callers(ReactiveJwtDecoder decoder) {
    return new Callers(decoder);
  }

  /** The token's {@code roles} claim becomes the caller's authorities: CITY_ADMIN → ROLE_CITY_ADMIN. */
  static Converter<Jwt, Mono<AbstractAuthenticationToken>> authentication() {
    JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
    roles.setAuthoritiesClaimName(AccessClaims.ROLES);
    roles.setAuthorityPrefix("ROLE_");
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(roles);
    return new ReactiveJwtAuthenticationConverterAdapter(converter);
  }

  private static Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException e, JsonMapper json) {
    boolean tokenGiven = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
    exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
        tokenGiven ? "Bearer error=\"invalid_token\"" : "Bearer");
    return tokenGiven
        ? write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, "令牌无效 (invalid token)",
            "令牌无效或已过期（" + e.getMessage() + "）。请重新获取令牌后重试。", "invalid-token", json)
        : write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, "需要登录 (unauthorized)",
            "这项操作需要登录：请在请求头中带上 Authorization: Bearer <令牌>（本地开发可用 ./yizhan token city-admin"
                + " 取得；读指标用 ./yizhan token ops）。",
            "unauthorized", json);
  }

  private static Mono<Void> forbidden(ServerWebExchange exchange, JsonMapper json) {
    return exchange.getPrincipal()
        .map(principal -> principal instanceof Authentication authentication
            ? authentication.getAuthorities().toString() : "[]")
        .defaultIfEmpty("[]")
        .flatMap(roles -> write(exchange.getResponse(), HttpStatus.FORBIDDEN, "无权操作 (forbidden)",
            "当前令牌的角色 " + roles + " 不能执行 " + exchange.getRequest().getMethod() + " "
                + exchange.getRequest().getPath() + "。如需此权限，请联系市总工会的平台管理员。",
            "forbidden", json));
  }

  static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String title, String detail, String type,
      JsonMapper json) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "urn:yizhan:problem:" + type);
    problem.put("title", title);
    problem.put("status", status.value());
    problem.put("detail", detail);
    byte[] body = json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }
}
