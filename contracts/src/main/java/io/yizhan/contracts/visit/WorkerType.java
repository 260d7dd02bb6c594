package io.yizhan.contracts.visit;

/**
 * Who used a station. COURIER, FOOD_DELIVERY and RIDE_HAILING are the "new employment forms"
 * (新业态就业群体).
 */
public enum WorkerType {
  SANITATION("环卫工人"),
  TAXI_DRIVER("出租车驾驶员"),
  TRAFFIC_POLICE("交通警察"),
  CITY_MANAGEMENT("城管队员"),
  COURIER("快递员"),
  FOOD_DELIVERY("外卖配送员"),
  RIDE_HAILING("网约车司机"),
  OTHER("其他户外劳动者");

  private final String label;

  WorkerType(String label) {
    this.label = label;
  }

  /**
   * The name the union's pages give these workers (the report's words, as in the domain's glossary). Every
   * page takes it from here, so a worker, a manager and the union read the same word.
   */
  public String label() {
    return label;
  }

  public boolean isNewEmploymentForm() {
    return this == COURIER || this == FOOD_DELIVERY || this == RIDE_HAILING;
  }
}
