/**
 * Opening hours as union offices write them in spreadsheets (「周一至周五 09:00-17:00」); the
 * rules themselves are the shared {@code io.yizhan.hours} module.
 */
@NullMarked
package io.yizhan.station.hours;

import org.jspecify.annotations.NullMarked;
