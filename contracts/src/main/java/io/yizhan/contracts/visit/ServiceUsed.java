package io.yizhan.contracts.visit;

/** What a worker used during a visit. */
public enum ServiceUsed {
  TOILET,
  WATER,
  REST,
  WARMTH_COOLING,
  CHARGING,
  MEAL_HEATING,
  FIRST_AID,
  LEGAL_UNION_SERVICE,
  ACTIVITY
}
