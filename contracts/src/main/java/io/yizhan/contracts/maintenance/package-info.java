/** Upkeep of stations: maintenance done and overdue, and the activities stations hold. On station.events.v1. */
@NullMarked
package io.yizhan.contracts.maintenance;

import org.jspecify.annotations.NullMarked;
