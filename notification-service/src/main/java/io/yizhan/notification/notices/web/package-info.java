/** The notices' web adapter. */
@NullMarked
package io.yizhan.notification.notices.web;

import org.jspecify.annotations.NullMarked;
