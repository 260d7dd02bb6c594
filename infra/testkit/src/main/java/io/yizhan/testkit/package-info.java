/**
 * Real infrastructure for integration tests: one Kafka broker and one PostgreSQL per test JVM,
 * and a fresh database per test class. Annotate a Spring Boot test with
 * {@link YizhanIntegrationTest}.
 */
@NullMarked
package io.yizhan.testkit;

import org.jspecify.annotations.NullMarked;
