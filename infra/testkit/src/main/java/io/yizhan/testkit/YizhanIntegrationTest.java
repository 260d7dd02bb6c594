package io.yizhan.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A Spring Boot test on a random port against this JVM's real Kafka broker and a fresh
 * PostgreSQL database of its own (see {@link Infrastructure}).
 *
 * <p>The context is closed after the class: a cached context would keep its Kafka consumers in
 * the group and take partitions away from the next test class's.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface YizhanIntegrationTest {}
