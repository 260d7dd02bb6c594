/** Reading spreadsheets people upload: CSV and Excel, headers in Chinese or as API field names. */
@NullMarked
package io.yizhan.station.sheets;

import org.jspecify.annotations.NullMarked;
