/** Standings: the consumer of utilization.events.v1. */
@NullMarked
package io.yizhan.station.standings.messaging;

import org.jspecify.annotations.NullMarked;
