package io.yizhan.loadgen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Planning data for the demo city: a boundary per district, the places outdoor workers gather
 * (demand points) and places that could host a new station (candidate venues). The boundaries are
 * the districts' {@link Outline}s, circles cut where a neighbour's centre is nearer: honest enough
 * to exercise coverage, not survey data; a real deployment uploads the districts' own GeoJSON.
 * Demand spreads wider than stations, so the demo has gaps to find.
 */
public final class DemoPlanning {

  private static final String[] GATHERINGS = {"物流园", "快递网点", "外卖商圈", "环卫所", "出租车停靠点", "网约车候客区",
      "城管中队", "建筑工地", "批发市场", "交通岗"};

  /** Kinds of place that could host a station (station-service's {@code Venue.Kind}), with a name to give them. */
  private static final String[][] VENUES = {{"PARCEL_POST", "菜鸟驿站"}, {"PARCEL_POST", "快递驿站"},
      {"LOGISTICS_REST_ROOM", "物流园休息室"}, {"MALL_SERVICE_DESK", "商场服务台"}, {"MALL_SERVICE_DESK", "超市服务台"},
      {"COMMUNITY_CENTRE", "社区服务中心"}, {"FUEL_STATION", "加油站"}, {"BANK_BRANCH", "银行网点"}};

  private DemoPlanning() {}

  /** A GeoJSON Polygon of the district's outline. */
  public static Map<String, Object> boundary(Outline outline) {
    return Map.of("type", "Polygon", "coordinates", List.of(outline.lonLatRing()));
  }

  /** Demand points of a district: about {@code perWeight} per unit of its weight, heavier near the centre. */
  public static List<Map<String, Object>> demand(Outline outline, int perWeight, long seed) {
    District d = outline.district();
    Random random = new Random(seed ^ d.name().hashCode());
    int count = (int) Math.max(10, d.weight() * perWeight);
    List<Map<String, Object>> points = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      double[] at = outline.placeNear(random, d.spreadKm() * 0.65);
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("latitude", at[0]);
      p.put("longitude", at[1]);
      // Workers seen there on a day: mostly a handful, a few hubs with hundreds.
      p.put("weight", (double) Math.round(5 + Math.exp(random.nextGaussian() * 1.1 + 2.5)));
      p.put("label", d.name() + GATHERINGS[random.nextInt(GATHERINGS.length)]);
      points.add(p);
    }
    return points;
  }

  /**
   * Places that could host a new station: about {@code perWeight} per unit of the district's
   * weight, spread like its demand (shops and posts are where people are), numbered per kind.
   */
  public static List<Map<String, Object>> venues(Outline outline, int perWeight, long seed) {
    District d = outline.district();
    Random random = new Random(seed ^ (d.name().hashCode() * 31L));
    int count = (int) Math.max(12, d.weight() * perWeight);
    List<Map<String, Object>> venues = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String[] kind = VENUES[random.nextInt(VENUES.length)];
      double[] at = outline.placeNear(random, d.spreadKm() * 0.7);
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("latitude", at[0]);
      v.put("longitude", at[1]);
      v.put("name", d.name() + kind[1] + "（" + (i + 1) + "号）");
      v.put("kind", kind[0]);
      venues.add(v);
    }
    return venues;
  }
}
