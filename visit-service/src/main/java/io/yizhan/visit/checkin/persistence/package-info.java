/** Adapter of checkin: persistence. */
@NullMarked
package io.yizhan.visit.checkin.persistence;

import org.jspecify.annotations.NullMarked;
