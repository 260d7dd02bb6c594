/**
 * A small OAuth2 token issuer for the devstack and the tests: it signs JWTs with an RSA key,
 * publishes the key set, and hands tokens to demo clients (one per role) by the
 * client-credentials grant. Production points the services at the city's OIDC provider instead
 * (architecture.md, Security); nothing in the services knows this issuer.
 */
@NullMarked
package io.yizhan.issuer;

import org.jspecify.annotations.NullMarked;
