/**
 * Rate limits for the public, anonymous endpoints (finder, public pages, QR payloads): a token
 * bucket per client address, so one misbehaving phone or scraper cannot crowd out the workers.
 */
@NullMarked
package io.yizhan.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
