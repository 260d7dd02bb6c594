/** The notices' persistence adapter. */
@NullMarked
package io.yizhan.notification.notices.persistence;

import org.jspecify.annotations.NullMarked;
