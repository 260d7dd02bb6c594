/** Maintenance: the timer that runs escalation rounds. */
@NullMarked
package io.yizhan.station.maintenance.schedule;

import org.jspecify.annotations.NullMarked;
