package io.yizhan.visit.access.web;

import static io.yizhan.contracts.access.Role.CITY_ADMIN;
import static io.yizhan.contracts.access.Role.DISTRICT_ADMIN;
import static io.yizhan.contracts.access.Role.DISTRICT_SYSTEM;

import io.yizhan.support.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.stereotype.Component;

/**
 * A check-in needs no sign-in: a worker scans the QR code at the door. (Taken before WebFlux by
 * {@code CheckInRoute}, which checks a token itself when one is sent.) District feeds come from
 * district systems or unions. Utilization figures and the dashboards are open to read, as the
 * planning maps are; a single visit (its pseudonymous worker token) and the reconciliation need a
 * signed-in caller; rebuilds and the worker mix are the city's (the default rule).
 */
@Component
class VisitAccessRules implements AccessRules {

  @Override
  public ServerWebExchangeMatcher publicPaths() {
    return new OrServerWebExchangeMatcher(
        ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/api/visits"),
        new AndServerWebExchangeMatcher(
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/api/utilization/**", "/dashboards/**"),
            new NegatedServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers("/api/utilization/reconciliation"))));
  }

  @Override
  public void apply(AuthorizeExchangeSpec rules) {
    rules.pathMatchers(HttpMethod.POST, "/api/visits/batch")
        .hasAnyRole(CITY_ADMIN.name(), DISTRICT_ADMIN.name(), DISTRICT_SYSTEM.name());
  }
}
