/** Adapter of checkin: web. */
@NullMarked
package io.yizhan.visit.checkin.web;

import org.jspecify.annotations.NullMarked;
