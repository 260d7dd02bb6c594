/**
 * The registry: a district union lists a station with its kind, place, capacity and manager.
 * Plain Java; adapters in {@code web}, {@code persistence} and {@code messaging}.
 */
@NullMarked
package io.yizhan.station.registry;

import org.jspecify.annotations.NullMarked;
