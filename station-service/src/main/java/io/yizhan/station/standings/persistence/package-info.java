/** Standings: the persistence adapter. */
@NullMarked
package io.yizhan.station.standings.persistence;

import org.jspecify.annotations.NullMarked;
