/** Helpers for the SQL the services write by hand. */
@NullMarked
package io.yizhan.support.sql;

import org.jspecify.annotations.NullMarked;
