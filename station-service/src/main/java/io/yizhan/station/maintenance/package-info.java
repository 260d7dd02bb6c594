/**
 * Upkeep: recurring maintenance tasks with a due interval per kind, recorded done by station
 * managers; overdue tasks climb the responsibility chain (三级负责制) and are published for
 * escalation. Plain Java; adapters in {@code web} and {@code persistence}.
 */
@NullMarked
package io.yizhan.station.maintenance;

import org.jspecify.annotations.NullMarked;
