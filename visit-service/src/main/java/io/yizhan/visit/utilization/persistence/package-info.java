/** Adapter of utilization: persistence. */
@NullMarked
package io.yizhan.visit.utilization.persistence;

import org.jspecify.annotations.NullMarked;
