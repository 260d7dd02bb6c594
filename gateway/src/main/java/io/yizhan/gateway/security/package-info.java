/**
 * The gateway as a resource server: a request that carries a token is refused at the edge when
 * the token is not valid; what a valid caller may do is each service's decision (architecture.md,
 * Security), since the gateway does not know whose district a station is in.
 */
@NullMarked
package io.yizhan.gateway.security;

import org.jspecify.annotations.NullMarked;
