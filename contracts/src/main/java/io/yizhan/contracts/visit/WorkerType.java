package io.yizhan.contracts.visit;

/** Who used a station. The last three are the "new employment forms" (新业态就业群体). */
public enum WorkerType {
  SANITATION,
  TAXI_DRIVER,
  TRAFFIC_POLICE,
  CITY_MANAGEMENT,
  COURIER,
  FOOD_DELIVERY,
  RIDE_HAILING,
  OTHER;

  public boolean isNewEmploymentForm() {
    return this == COURIER || this == FOOD_DELIVERY || this == RIDE_HAILING;
  }
}
