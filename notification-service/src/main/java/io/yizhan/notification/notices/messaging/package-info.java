/** The notices' messaging adapter. */
@NullMarked
package io.yizhan.notification.notices.messaging;

import org.jspecify.annotations.NullMarked;
