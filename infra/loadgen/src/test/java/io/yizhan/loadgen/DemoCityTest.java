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
}
