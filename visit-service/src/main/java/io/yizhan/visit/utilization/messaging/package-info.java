/** Adapter of utilization: messaging. */
@NullMarked
package io.yizhan.visit.utilization.messaging;

import org.jspecify.annotations.NullMarked;
