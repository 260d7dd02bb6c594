/** The gateway: routes, timeouts and circuit breakers in front of the services. */
@NullMarked
package io.yizhan.gateway;

import org.jspecify.annotations.NullMarked;
