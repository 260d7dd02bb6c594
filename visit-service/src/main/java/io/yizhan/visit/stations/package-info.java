/** The local replica of stations, built from station.events.v1: what a check-in is validated against. */
@NullMarked
package io.yizhan.visit.stations;

import org.jspecify.annotations.NullMarked;
