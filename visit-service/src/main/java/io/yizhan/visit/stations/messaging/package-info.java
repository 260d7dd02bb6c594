/** Adapter of stations: messaging. */
@NullMarked
package io.yizhan.visit.stations.messaging;

import org.jspecify.annotations.NullMarked;
