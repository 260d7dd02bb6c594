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

  /**
   * China at national scale for the finder benchmark: major cities, weighted roughly by
   * population, each spread over its urban area. Coordinates are city centres (WGS-84).
   */
  static final List<District> CHINA = List.of(
      new District("北京市", "MAIN_URBAN", 39.9042, 116.4074, 25, 22),
      new District("上海市", "MAIN_URBAN", 31.2304, 121.4737, 25, 25),
      new District("广州市", "MAIN_URBAN", 23.1291, 113.2644, 20, 19),
      new District("深圳市", "MAIN_URBAN", 22.5431, 114.0579, 18, 18),
      new District("重庆市", "MAIN_URBAN", 29.5630, 106.5516, 20, 16),
      new District("成都市", "MAIN_URBAN", 30.5728, 104.0668, 20, 21),
      new District("天津市", "MAIN_URBAN", 39.3434, 117.3616, 18, 14),
      new District("武汉市", "MAIN_URBAN", 30.5928, 114.3055, 18, 13),
      new District("西安市", "MAIN_URBAN", 34.3416, 108.9398, 16, 13),
      new District("杭州市", "MAIN_URBAN", 30.2741, 120.1551, 16, 12),
      new District("南京市", "MAIN_URBAN", 32.0603, 118.7969, 15, 9),
      new District("郑州市", "MAIN_URBAN", 34.7466, 113.6254, 15, 13),
      new District("长沙市", "MAIN_URBAN", 28.2282, 112.9388, 14, 10),
      new District("沈阳市", "MAIN_URBAN", 41.8057, 123.4315, 14, 9),
      new District("青岛市", "MAIN_URBAN", 36.0671, 120.3826, 14, 10),
      new District("济南市", "MAIN_URBAN", 36.6512, 117.1201, 13, 9),
      new District("哈尔滨市", "MAIN_URBAN", 45.8038, 126.5350, 13, 10),
      new District("昆明市", "MAIN_URBAN", 24.8801, 102.8329, 12, 8),
      new District("合肥市", "MAIN_URBAN", 31.8206, 117.2272, 12, 9),
      new District("福州市", "MAIN_URBAN", 26.0745, 119.2965, 12, 8),
      new District("南宁市", "MAIN_URBAN", 22.8170, 108.3665, 12, 9),
      new District("石家庄市", "MAIN_URBAN", 38.0428, 114.5149, 12, 11),
      new District("太原市", "MAIN_URBAN", 37.8706, 112.5489, 11, 5),
      new District("长春市", "MAIN_URBAN", 43.8171, 125.3235, 11, 9),
      new District("南昌市", "MAIN_URBAN", 28.6820, 115.8579, 11, 6),
      new District("贵阳市", "MAIN_URBAN", 26.6470, 106.6302, 10, 6),
      new District("兰州市", "MAIN_URBAN", 36.0611, 103.8343, 10, 4),
      new District("乌鲁木齐市", "MAIN_URBAN", 43.8256, 87.6168, 10, 4),
      new District("呼和浩特市", "MAIN_URBAN", 40.8426, 111.7492, 9, 3),
      new District("银川市", "MAIN_URBAN", 38.4872, 106.2309, 8, 3),
      new District("西宁市", "MAIN_URBAN", 36.6171, 101.7782, 8, 2),
      new District("海口市", "MAIN_URBAN", 20.0440, 110.1999, 8, 3),
      new District("拉萨市", "MAIN_URBAN", 29.6525, 91.1721, 6, 1));
}
