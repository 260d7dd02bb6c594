package io.yizhan.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoCityTest {

  final List<Map<String, Object>> city = DemoCity.stations(1500, 1);

  @Test
  void the_same_seed_gives_the_same_city() {
    assertThat(DemoCity.stations(50, 7)).isEqualTo(DemoCity.stations(50, 7));
  }

  @Test
  void stations_lie_in_and_around_xian_and_the_centre_is_densest() {
    assertThat(city).allSatisfy(s -> {
      assertThat((double) s.get("latitude")).isBetween(33.8, 34.9);
      assertThat((double) s.get("longitude")).isBetween(107.9, 109.6);
    });
    Map<Object, Long> byDistrict = city.stream().collect(Collectors.groupingBy(s -> s.get("district"), Collectors.counting()));
    assertThat(byDistrict.get("雁塔区")).isGreaterThan(byDistrict.get("周至县") * 4);
    assertThat(byDistrict).hasSize(District.XIAN.size());
  }

  @Test
  void all_four_build_modes_and_most_stations_in_office_hours() {
    assertThat(city.stream().map(s -> s.get("buildMode")).distinct())
        .containsExactlyInAnyOrder("UNION_BUILT", "GOVERNMENT_BUILT", "SOCIETY_ASSISTED", "INTEGRATED");
    long alwaysOpen = city.stream().filter(s -> Boolean.TRUE.equals(((Map<?, ?>) s.get("hours")).get("alwaysOpen"))).count();
    assertThat(alwaysOpen).isBetween(100L, 200L);
    assertThat(city).filteredOn(s -> !"UNION_BUILT".equals(s.get("buildMode"))).allSatisfy(s ->
        assertThat(s).containsKey("partner"));
  }

  @Test
  void national_scale_spreads_over_the_major_cities() {
    List<Map<String, Object>> china = DemoCity.nationalStations(20_000, 3);
    Map<Object, Long> byCity = china.stream().collect(Collectors.groupingBy(s -> s.get("district"), Collectors.counting()));
    assertThat(byCity).hasSize(District.CHINA.size());
    assertThat(byCity.get("上海市")).isGreaterThan(byCity.get("拉萨市") * 10);
  }

  @Test
  void the_import_csv_has_a_header_and_one_line_per_station_with_readable_hours() {
    String csv = StationCsv.write(city.subList(0, 3));
    String[] lines = csv.split("\n");
    assertThat(lines).hasSize(4);
    assertThat(lines[0]).startsWith("name,kind,buildMode");
    assertThat(csv).containsAnyOf("24小时", "MONDAY 09:00-17:00", "MONDAY 07:00-22:00", "MONDAY 10:00-02:00",
        "MONDAY 06:00-09:00,11:00-20:00");
  }
}
