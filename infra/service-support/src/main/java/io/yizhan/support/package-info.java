/**
 * What every Yizhan service needs the same way: the transactional outbox and its relay, the
 * inbox that makes consumers idempotent, dead-lettering, and RFC 9457 problem details. Written
 * once here so the guarantees are the same everywhere.
 */
@NullMarked
package io.yizhan.support;

import org.jspecify.annotations.NullMarked;
