/**
 * Opening hours: a weekly schedule, dated exceptions (holidays, closures, extra hours) or 24/7,
 * and the one question workers ask: is it open now, in the city's time, and until when?
 * An opening belongs to the day it starts: Friday 22:00–02:00 runs into Saturday morning, and a
 * holiday closure on Saturday does not cut it short.
 */
@NullMarked
package io.yizhan.hours;

import org.jspecify.annotations.NullMarked;
