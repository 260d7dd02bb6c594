package io.yizhan.contracts.station;

/** The kind of area a station's district is. */
public enum AreaType {
  /** 主城区 */
  MAIN_URBAN,
  /** 周边区县 */
  SURROUNDING_COUNTY,
  /** 开发区 */
  DEVELOPMENT_ZONE
}
