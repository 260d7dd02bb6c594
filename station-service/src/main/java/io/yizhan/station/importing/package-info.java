/**
 * Bulk import: a district uploads the spreadsheet its union office keeps (CSV, UTF-8); every
 * row is checked as a registration would be, and either all rows are registered or none, with a
 * row-by-row report in Chinese.
 */
@NullMarked
package io.yizhan.station.importing;

import org.jspecify.annotations.NullMarked;
