/** notification-service: notices along the three-tier responsibility chain. */
@NullMarked
package io.yizhan.notification;

import org.jspecify.annotations.NullMarked;
