/**
 * Visits: {@code visit.recorded} on {@code visit.events.v1} (published by visit-service) and
 * {@code visit.reported} on {@code visit.inbound.v1} (written by district systems).
 */
@NullMarked
package io.yizhan.contracts.visit;

import org.jspecify.annotations.NullMarked;
