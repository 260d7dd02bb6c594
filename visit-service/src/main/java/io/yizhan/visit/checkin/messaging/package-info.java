/** Adapter of checkin: messaging. */
@NullMarked
package io.yizhan.visit.checkin.messaging;

import org.jspecify.annotations.NullMarked;
