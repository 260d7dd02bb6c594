package io.yizhan.station.activities;

/** The kinds of activity the union's report lists (特色活动). */
public enum ActivityKind {
  HOLIDAY_MEAL("节日送餐"),
  GIFTS("慰问品发放"),
  LEGAL_AID("法律援助"),
  FREE_CLINIC("义诊"),
  SUMMER_COOLING("夏送清凉"),
  WINTER_WARMTH("冬送温暖"),
  JOB_SKILLS("就业与技能服务"),
  MODEL_WORKER_VISIT("劳模工匠进站点"),
  UNION_JOINING("入会服务"),
  OTHER("其他");

  private final String nameZh;

  ActivityKind(String nameZh) {
    this.nameZh = nameZh;
  }

  public String nameZh() {
    return nameZh;
  }
}
