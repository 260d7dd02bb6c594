/** Activities: the web adapter. */
@NullMarked
package io.yizhan.station.activities.web;

import org.jspecify.annotations.NullMarked;
