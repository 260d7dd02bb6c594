/** Kafka plumbing: topics, and the dispatcher that turns records into idempotent handler calls. */
@NullMarked
package io.yizhan.support.kafka;

import org.jspecify.annotations.NullMarked;
