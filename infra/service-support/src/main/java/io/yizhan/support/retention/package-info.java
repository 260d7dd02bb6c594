/** Deleting rows the platform keeps only for a while: inboxes, published outbox rows. */
@NullMarked
package io.yizhan.support.retention;

import org.jspecify.annotations.NullMarked;
