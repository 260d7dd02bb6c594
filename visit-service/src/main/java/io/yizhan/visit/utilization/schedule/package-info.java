/** Adapter of utilization: the timer that announces changed station-hours. */
@NullMarked
package io.yizhan.visit.utilization.schedule;

import org.jspecify.annotations.NullMarked;
