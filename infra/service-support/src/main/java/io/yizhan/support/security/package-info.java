/**
 * Every service is an OAuth2 resource server: it checks the caller's JWT itself, maps the token's
 * {@code roles} claim to authorities, and answers 401 and 403 as problem details. A service
 * declares which of its paths are public and which roles the others need ({@link
 * io.yizhan.support.security.AccessRules}); object-level checks (a district admin acts on their
 * own district's stations only) use {@link io.yizhan.support.security.Caller}.
 */
@NullMarked
package io.yizhan.support.security;

import org.jspecify.annotations.NullMarked;
