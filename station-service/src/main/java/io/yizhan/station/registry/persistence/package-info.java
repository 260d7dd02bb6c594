/** The registry's persistence adapter. */
@NullMarked
package io.yizhan.station.registry.persistence;

import org.jspecify.annotations.NullMarked;
