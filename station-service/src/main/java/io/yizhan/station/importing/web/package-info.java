/** Bulk import's web adapter. */
@NullMarked
package io.yizhan.station.importing.web;

import org.jspecify.annotations.NullMarked;
