package io.yizhan.support.security;

import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

/**
 * A service's own paths: which are public and which roles the others need. Applied after the
 * platform's public paths (health, metrics, API docs) and before the default, under which a
 * path no rule names may be read by any signed-in caller and changed by the city only.
 */
@FunctionalInterface
public interface AccessRules {

  void apply(AuthorizeExchangeSpec rules);
}
