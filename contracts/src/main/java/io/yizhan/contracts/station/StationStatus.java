package io.yizhan.contracts.station;

/**
 * Where a station is in its life: planned → active ⇄ suspended → revoked (撤销), and a revoked
 * station may be reinstated.
 */
public enum StationStatus {
  PLANNED,
  ACTIVE,
  SUSPENDED,
  REVOKED
}
