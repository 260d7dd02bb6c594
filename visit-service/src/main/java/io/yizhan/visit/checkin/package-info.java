/** Check-ins: one use of a station, recorded once whatever the retries, from the door's QR code, a manager's register or a district feed. */
@NullMarked
package io.yizhan.visit.checkin;

import org.jspecify.annotations.NullMarked;
