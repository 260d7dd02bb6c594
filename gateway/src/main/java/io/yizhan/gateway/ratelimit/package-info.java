/**
 * Rate limits for anonymous callers (finder, public pages, QR payloads, check-ins without a
 * token): a token bucket per client address, so one misbehaving phone or scraper cannot crowd out
 * the workers. Callers with a valid token (registers, district systems) are not limited here.
 */
@NullMarked
package io.yizhan.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
