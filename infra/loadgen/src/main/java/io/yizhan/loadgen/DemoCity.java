package io.yizhan.loadgen;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A realistic Xi'an for demos and benchmarks: stations spread over the real districts and
 * zones, denser in the centre; all four build modes; hours as the union's survey found them
 * (mostly weekday office hours, some long or 24/7); base amenities mostly complete. The same
 * seed always gives the same city.
 */
public final class DemoCity {

  private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"};
  private static final String[] GIVEN = {"伟", "芳", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞", "平", "刚"};
  private static final String[] ROADS = {"东大街", "西大街", "南大街", "北大街", "长安路", "太白路", "朱雀大街", "含光路", "纬一街",
      "凤城八路", "未央路", "文景路", "科技路", "高新路", "雁塔路", "小寨东路", "友谊路", "环城南路", "解放路", "长乐路"};
  private static final String[] PLACES = {"社区", "街道", "银行", "超市", "酒店", "医院", "加油站", "公园游客中心", "党群服务中心",
      "环卫所", "城管中队", "物流园", "商场", "地铁站"};
  private static final String[] BASE = {"SIGN", "SEATING", "DRINKING_WATER", "HEATING_COOLING", "TOILET_ACCESS", "FIRST_AID_KIT"};
  private static final String[] CARE_EXTRA_BASE = {"MICROWAVE", "CHARGING"};
  private static final String[] EXTRAS = {"BOOKS", "WIFI", "TYRE_PUMP", "RAIN_GEAR", "SEASONAL_SUPPLIES"};
  private static final String[] WEEKDAYS = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"};
  private static final String[] ALL_DAYS = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"};

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private DemoCity() {}

  /**
   * Every station of Xi'an's districts as the platform lists them to the city union, district by
   * district in {@link District#XIAN}'s order (the demo's generators give stations their traits in
   * this order, so it must not change).
   */
  static List<JsonNode> listed(HttpClient http, String base) throws java.io.IOException, InterruptedException {
    List<JsonNode> stations = new ArrayList<>();
    for (District district : District.XIAN) {
      HttpResponse<String> listed = http.send(HttpRequest.newBuilder(URI.create(base + "/api/stations?limit=1000&district="
              + URLEncoder.encode(district.name(), StandardCharsets.UTF_8)))
          .timeout(Duration.ofSeconds(30)).header("Authorization", Credentials.bearer(Credentials.CITY_ADMIN)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (listed.statusCode() != 200) {
        throw new IllegalStateException("listing " + district.name() + "'s stations: " + listed.statusCode() + " "
            + listed.body());
      }
      JSON.readTree(listed.body()).forEach(stations::add);
    }
    if (stations.isEmpty()) {
      throw new IllegalStateException("no demo stations at " + base + ": load them first (./yizhan up --demo)");
    }
    return stations;
  }

  /** {@code count} station registrations in Xi'an as the API takes them, in a fixed order. */
  public static List<Map<String, Object>> stations(int count, long seed) {
    return stations(count, seed, District.XIAN, "陕西省西安市");
  }

  /** The same across China's major cities: national scale for the finder benchmark. */
  public static List<Map<String, Object>> nationalStations(int count, long seed) {
    return stations(count, seed, District.CHINA, "");
  }

  private static List<Map<String, Object>> stations(int count, long seed, List<District> districts, String addressPrefix) {
    Random random = new Random(seed);
    double totalWeight = districts.stream().mapToDouble(District::weight).sum();
    Map<String, Outline> outlines = Outline.of(districts);
    List<Map<String, Object>> stations = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      District district = pick(random, districts, totalWeight);
      stations.add(station(random, outlines.get(district.name()), i, addressPrefix));
    }
    return stations;
  }

  private static District pick(Random random, List<District> districts, double totalWeight) {
    double x = random.nextDouble() * totalWeight;
    for (District d : districts) {
      x -= d.weight();
      if (x <= 0) {
        return d;
      }
    }
    return districts.get(0);
  }

  private static Map<String, Object> station(Random random, Outline outline, int number, String addressPrefix) {
    District district = outline.district();
    // Gaussian around the centre: most stations near it, a few at the edge, none outside it.
    double[] at = outline.placeNear(random, district.spreadKm() / 2);
    boolean careStation = random.nextDouble() < 0.6;
    String buildMode = pickWeighted(random, new String[] {"UNION_BUILT", "GOVERNMENT_BUILT", "SOCIETY_ASSISTED", "INTEGRATED"},
        new double[] {0.1, 0.3, 0.4, 0.2});
    String place = PLACES[random.nextInt(PLACES.length)];
    String road = ROADS[random.nextInt(ROADS.length)];
    String name = district.name() + road + place + (careStation ? "爱心驿站" : "爱心服务点");
    Map<String, Object> station = new LinkedHashMap<>();
    station.put("name", name + (number % 7 == 0 ? "（" + (number / 7 % 9 + 1) + "号）" : ""));
    station.put("kind", careStation ? "CARE_STATION" : "SERVICE_POINT");
    station.put("buildMode", buildMode);
    if (!"UNION_BUILT".equals(buildMode)) {
      station.put("partner", district.name() + road + place);
    }
    station.put("district", district.name());
    station.put("areaType", district.areaType());
    station.put("address", addressPrefix + district.name() + road + (1 + random.nextInt(300)) + "号");
    station.put("latitude", at[0]);
    station.put("longitude", at[1]);
    station.put("capacity", careStation ? 6 + random.nextInt(20) : 2 + random.nextInt(6));
    station.put("contactPhone", phone(random));
    station.put("hours", hours(random));
    station.put("amenities", amenities(random, careStation));
    station.put("manager", person(random));
    station.put("regionalHead", person(random));
    station.put("districtChief", Map.of("name", district.name() + "总工会 " + personName(random), "phone", phone(random)));
    return station;
  }

  /** Most open on workdays in office hours, as the survey found; some long, some 24/7. */
  private static Map<String, Object> hours(Random random) {
    double x = random.nextDouble();
    if (x < 0.10) {
      return Map.of("alwaysOpen", true);
    }
    Map<String, Object> weekly = new LinkedHashMap<>();
    if (x < 0.65) {
      for (String day : WEEKDAYS) {
        weekly.put(day, List.of(Map.of("opens", "09:00", "closes", "17:00")));
      }
    } else if (x < 0.85) {
      for (String day : ALL_DAYS) {
        weekly.put(day, List.of(Map.of("opens", "07:00", "closes", "22:00")));
      }
    } else if (x < 0.95) {
      for (String day : ALL_DAYS) {
        // Late-night delivery riders: open into the small hours.
        weekly.put(day, List.of(Map.of("opens", "10:00", "closes", "02:00")));
      }
    } else {
      for (String day : WEEKDAYS) {
        weekly.put(day, List.of(Map.of("opens", "06:00", "closes", "09:00"), Map.of("opens", "11:00", "closes", "20:00")));
      }
    }
    return Map.of("alwaysOpen", false, "weekly", weekly);
  }

  private static List<String> amenities(Random random, boolean careStation) {
    List<String> amenities = new ArrayList<>();
    for (String item : BASE) {
      if (random.nextDouble() < 0.92) {
        amenities.add(item);
      }
    }
    if (careStation) {
      for (String item : CARE_EXTRA_BASE) {
        if (random.nextDouble() < 0.85) {
          amenities.add(item);
        }
      }
    } else if (random.nextDouble() < 0.5) {
      amenities.add("CHARGING");
    }
    for (String item : EXTRAS) {
      if (random.nextDouble() < 0.3) {
        amenities.add(item);
      }
    }
    return amenities;
  }

  private static Map<String, String> person(Random random) {
    return Map.of("name", personName(random), "phone", phone(random));
  }

  private static String personName(Random random) {
    return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
        + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
  }

  private static String phone(Random random) {
    return "029-8" + (1000000 + random.nextInt(9000000));
  }

  private static String pickWeighted(Random random, String[] values, double[] weights) {
    double x = random.nextDouble();
    for (int i = 0; i < values.length; i++) {
      x -= weights[i];
      if (x <= 0) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }
}
