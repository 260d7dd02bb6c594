/** Utilization: visits counted per station and day, derived from visit.events.v1. */
@NullMarked
package io.yizhan.visit.utilization;

import org.jspecify.annotations.NullMarked;
