/**
 * Utilization, published by visit-service on {@code utilization.events.v1}:
 * {@code utilization.hour-counted} as it counts visits, and {@code utilization.standing-changed}
 * when a station's busy/idle standing changes.
 */
@NullMarked
package io.yizhan.contracts.utilization;

import org.jspecify.annotations.NullMarked;
