/** Events about care stations, published by station-service on {@code station.events.v1}. */
@NullMarked
package io.yizhan.contracts.station;

import org.jspecify.annotations.NullMarked;
