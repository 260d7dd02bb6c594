/**
 * Notices: what the platform tells a station manager, regional head or district chief, and
 * whether it reached them. Plain Java; adapters below.
 */
@NullMarked
package io.yizhan.notification.notices;

import org.jspecify.annotations.NullMarked;
