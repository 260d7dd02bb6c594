/** Adapter of stations: persistence. */
@NullMarked
package io.yizhan.visit.stations.persistence;

import org.jspecify.annotations.NullMarked;
