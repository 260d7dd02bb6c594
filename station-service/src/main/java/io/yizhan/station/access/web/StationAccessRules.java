package io.yizhan.station.access.web;

import static io.yizhan.contracts.access.Role.CITY_ADMIN;
import static io.yizhan.contracts.access.Role.DISTRICT_ADMIN;
import static io.yizhan.contracts.access.Role.REGIONAL_HEAD;
import static io.yizhan.contracts.access.Role.STATION_MANAGER;

import io.yizhan.support.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.stereotype.Component;

/**
 * Public: what a worker's phone and the planning maps read, none of it personal. Station details
 * (contacts of the responsibility chain) and maintenance records need a signed-in caller. Changes
 * need the roles below; which stations they reach is checked by {@link StationAccess}. Coverage
 * areas, demand and candidate venues are the city's to set (the default rule).
 */
@Component
class StationAccessRules implements AccessRules {

  @Override
  public ServerWebExchangeMatcher publicPaths() {
    return ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET,
        "/api/finder/**", "/find", "/s/**", "/api/stations/*/qr", "/api/stations/amenities", "/api/stations/locations",
        "/api/activities/kinds", "/api/stations/*/activities", "/api/coverage", "/api/coverage/areas",
        "/api/coverage/demand", "/api/coverage/venues", "/api/coverage/venues/kinds",
        "/api/coverage/venues/template.csv", "/api/coverage/demand/template.csv",
        "/api/stations/import/template.csv", "/maps/**");
  }

  @Override
  public void apply(AuthorizeExchangeSpec rules) {
    rules.pathMatchers(HttpMethod.POST, "/api/stations", "/api/stations/import", "/api/stations/*/status")
        .hasAnyRole(CITY_ADMIN.name(), DISTRICT_ADMIN.name())
        .pathMatchers(HttpMethod.PUT, "/api/stations/*", "/api/stations/*/hours")
        .hasAnyRole(CITY_ADMIN.name(), DISTRICT_ADMIN.name())
        .pathMatchers(HttpMethod.POST, "/api/stations/*/maintenance", "/api/stations/*/activities")
        .hasAnyRole(CITY_ADMIN.name(), DISTRICT_ADMIN.name(), REGIONAL_HEAD.name(), STATION_MANAGER.name());
  }
}
