/** The registry's web adapter. */
@NullMarked
package io.yizhan.station.registry.web;

import org.jspecify.annotations.NullMarked;
