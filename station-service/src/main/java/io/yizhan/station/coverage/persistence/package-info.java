/** Coverage: the persistence adapter. */
@NullMarked
package io.yizhan.station.coverage.persistence;

import org.jspecify.annotations.NullMarked;
