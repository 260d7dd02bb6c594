/** The web side of spreadsheets: templates to download. */
@NullMarked
package io.yizhan.station.sheets.web;

import org.jspecify.annotations.NullMarked;
