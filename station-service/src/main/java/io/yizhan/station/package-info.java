/** station-service: the registry of the city's care stations and service points. */
@NullMarked
package io.yizhan.station;

import org.jspecify.annotations.NullMarked;
