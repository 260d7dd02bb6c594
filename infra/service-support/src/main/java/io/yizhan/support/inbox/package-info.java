/** The inbox: consumers record each applied event so a redelivery changes nothing. */
@NullMarked
package io.yizhan.support.inbox;

import org.jspecify.annotations.NullMarked;
