/** Adapter of utilization: web. */
@NullMarked
package io.yizhan.visit.utilization.web;

import org.jspecify.annotations.NullMarked;
