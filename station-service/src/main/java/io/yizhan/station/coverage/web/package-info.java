/** Coverage: the web adapter. */
@NullMarked
package io.yizhan.station.coverage.web;

import org.jspecify.annotations.NullMarked;
