package io.yizhan.notification.notices.web;

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
 * Nothing public: notices name people. Every reader with an inbox marks what they have seen of it;
 * whose notices they read is checked by {@link NoticeController}.
 */
@Component
class NoticeAccessRules implements AccessRules {

  @Override
  public ServerWebExchangeMatcher publicPaths() {
    return exchange -> ServerWebExchangeMatcher.MatchResult.notMatch();
  }

  @Override
  public void apply(AuthorizeExchangeSpec rules) {
    rules.pathMatchers(HttpMethod.PUT, "/api/notifications/inbox/seen")
        .hasAnyRole(CITY_ADMIN.name(), DISTRICT_ADMIN.name(), REGIONAL_HEAD.name(), STATION_MANAGER.name());
  }
}
