/** The finder's web adapter. */
@NullMarked
package io.yizhan.station.finder.web;

import org.jspecify.annotations.NullMarked;
