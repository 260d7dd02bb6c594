/** Maintenance: the persistence adapter. */
@NullMarked
package io.yizhan.station.maintenance.persistence;

import org.jspecify.annotations.NullMarked;
