/** Activities: the persistence adapter. */
@NullMarked
package io.yizhan.station.activities.persistence;

import org.jspecify.annotations.NullMarked;
