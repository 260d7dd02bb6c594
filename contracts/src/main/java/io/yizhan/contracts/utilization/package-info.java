/**
 * Utilization: {@code utilization.hour-counted} on {@code utilization.events.v1}, published by
 * visit-service as it counts visits.
 */
@NullMarked
package io.yizhan.contracts.utilization;

import org.jspecify.annotations.NullMarked;
