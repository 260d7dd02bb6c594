/** Maintenance: the web adapter. */
@NullMarked
package io.yizhan.station.maintenance.web;

import org.jspecify.annotations.NullMarked;
