/**
 * The public finder: the stations nearest a worker on the street, whether each is open now and
 * until when, what it offers and how to walk there. Answered from an in-memory index of active
 * stations that every instance keeps current from station.events.v1.
 */
@NullMarked
package io.yizhan.station.finder;

import org.jspecify.annotations.NullMarked;
