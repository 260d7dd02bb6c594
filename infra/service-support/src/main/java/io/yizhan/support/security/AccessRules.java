package io.yizhan.support.security;

import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * A service's own paths: which are public and which roles the others need. Applied after the
 * platform's public paths (health, metrics, API docs) and before the default, under which a
 * path no rule names may be read by any signed-in caller and changed by the city only.
 */
public interface AccessRules {

  /**
   * What anyone may call without signing in (a worker's phone, a map). A request to one of these
   * without a token passes no security filter at all: each filter costs every finder query and
   * public page a little, and there is nothing to check (benchmarks.md, session 29). With a token,
   * the token is still checked.
   */
  ServerWebExchangeMatcher publicPaths();

  /** The roles the other paths need. */
  void apply(AuthorizeExchangeSpec rules);
}
