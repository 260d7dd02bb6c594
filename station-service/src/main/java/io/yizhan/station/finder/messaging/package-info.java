/** The finder's messaging adapter. */
@NullMarked
package io.yizhan.station.finder.messaging;

import org.jspecify.annotations.NullMarked;
