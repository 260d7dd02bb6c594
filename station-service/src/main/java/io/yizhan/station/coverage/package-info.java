/**
 * Coverage: the report's "15-minute service circle". Over a grid of a district (or the city),
 * the share of cells, optionally weighted by where workers need stations, within N minutes' walk
 * of a station open at a given hour, and the largest uncovered clusters as candidate sites.
 * Plain Java; adapters in {@code web} and {@code persistence}.
 */
@NullMarked
package io.yizhan.station.coverage;

import org.jspecify.annotations.NullMarked;
