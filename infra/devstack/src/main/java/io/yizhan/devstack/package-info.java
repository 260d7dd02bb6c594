/**
 * The whole platform on one machine, one command: a KRaft broker and a PostgreSQL server with
 * their data under {@code .yizhan/}, and every service as its own JVM.
 */
@NullMarked
package io.yizhan.devstack;

import org.jspecify.annotations.NullMarked;
