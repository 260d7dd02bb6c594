/**
 * The check-in hot path: single check-ins relayed to visit-service by a plain HTTP client, past
 * the gateway's generic route machinery, because they are its busiest and most latency-bound call.
 */
@NullMarked
package io.yizhan.gateway.checkin;

import org.jspecify.annotations.NullMarked;
