/**
 * The published language of Yizhan: the event envelope, topic names and event payloads that
 * services and district systems exchange over Kafka. Plain Java and Jackson only, no Spring, so
 * a district integrator can depend on it without taking our framework.
 */
@NullMarked
package io.yizhan.contracts;

import org.jspecify.annotations.NullMarked;
