/**
 * Busy/idle standings (忙闲) told to the responsibility chain: visit-service judges each station's
 * use and publishes when its standing changes; here the latest is kept, and a flag it raises
 * (overloaded, idle, closed when workers come) is announced with whom to tell, once in a quiet
 * period. Plain Java; adapters in {@code messaging} and {@code persistence}.
 */
@NullMarked
package io.yizhan.station.standings;

import org.jspecify.annotations.NullMarked;
