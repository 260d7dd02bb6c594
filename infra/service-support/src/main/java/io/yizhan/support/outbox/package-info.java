/** The transactional outbox: events stored with the state change, published by a relay. */
@NullMarked
package io.yizhan.support.outbox;

import org.jspecify.annotations.NullMarked;
