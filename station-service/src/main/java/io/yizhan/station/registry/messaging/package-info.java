/** The registry's messaging adapter. */
@NullMarked
package io.yizhan.station.registry.messaging;

import org.jspecify.annotations.NullMarked;
