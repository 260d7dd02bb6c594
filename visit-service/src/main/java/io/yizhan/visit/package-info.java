/** visit-service: check-ins, district feeds and the utilization figures derived from them. */
@NullMarked
package io.yizhan.visit;

import org.jspecify.annotations.NullMarked;
