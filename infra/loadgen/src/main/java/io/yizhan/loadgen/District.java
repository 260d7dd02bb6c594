package io.yizhan.loadgen;

import java.util.List;

/**
 * A district or development zone of Xi'an, with an approximate centre, how far its stations
 * spread, and its share of the city's stations (denser in the centre).
 */
record District(String name, String areaType, double latitude, double longitude, double spreadKm, double weight) {

  /** Xi'an: main urban districts, surrounding districts and counties, development zones. */
  static final List<District> XIAN = List.of(
      new District("新城区", "MAIN_URBAN", 34.2667, 108.9600, 2.5, 10),
      new District("碑林区", "MAIN_URBAN", 34.2537, 108.9468, 2.0, 10),
      new District("莲湖区", "MAIN_URBAN", 34.2650, 108.9330, 2.5, 10),
      new District("雁塔区", "MAIN_URBAN", 34.2139, 108.9487, 4.0, 12),
      new District("未央区", "MAIN_URBAN", 34.2929, 108.9468, 4.5, 10),
      new District("灞桥区", "MAIN_URBAN", 34.2728, 109.0640, 5.0, 6),
      new District("长安区", "SURROUNDING_COUNTY", 34.1590, 108.9070, 8.0, 6),
      new District("临潼区", "SURROUNDING_COUNTY", 34.3672, 109.2140, 6.0, 3),
      new District("阎良区", "SURROUNDING_COUNTY", 34.6622, 109.2260, 4.0, 2),
      new District("高陵区", "SURROUNDING_COUNTY", 34.5347, 109.0880, 4.0, 2),
      new District("鄠邑区", "SURROUNDING_COUNTY", 34.1086, 108.6050, 5.0, 2),
      new District("蓝田县", "SURROUNDING_COUNTY", 34.1513, 109.3233, 6.0, 1.5),
      new District("周至县", "SURROUNDING_COUNTY", 34.1633, 108.2220, 6.0, 1.5),
      new District("西安高新区", "DEVELOPMENT_ZONE", 34.2240, 108.8830, 4.0, 8),
      new District("西安经开区", "DEVELOPMENT_ZONE", 34.3430, 108.9380, 3.5, 5),
      new District("曲江新区", "DEVELOPMENT_ZONE", 34.2000, 108.9900, 3.0, 4),
      new District("浐灞国际港", "DEVELOPMENT_ZONE", 34.3300, 109.0500, 4.0, 3),
      new District("西咸新区", "DEVELOPMENT_ZONE", 34.3300, 108.7200, 6.0, 3),
      new District("航天基地", "DEVELOPMENT_ZONE", 34.1550, 108.9700, 2.5, 1));
}
