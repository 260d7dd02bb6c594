package io.yizhan.contracts.visit;

/** How a visit was recorded. */
public enum VisitChannel {
  /** The worker scanned the QR code at the door. */
  QR_CHECK_IN,
  /** The station manager wrote it in the register. */
  MANAGER_REGISTER,
  /** A district union's system sent it. */
  DISTRICT_FEED
}
