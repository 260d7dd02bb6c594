package io.yizhan.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutlineTest {

  final Map<String, Outline> xian = Outline.of(District.XIAN);

  @Test
  void a_district_without_neighbours_is_a_circle_of_one_and_a_half_spreads() {
    District alone = District.XIAN.get(12);   // 周至县
    List<List<Double>> ring = Outline.of(List.of(alone)).get(alone.name()).lonLatRing();
    assertThat(ring).hasSize(65);
    assertThat(ring.get(0)).isEqualTo(ring.get(64));
    for (List<Double> point : ring) {
      double[] km = xian.get(alone.name()).kmFromCentre(point.get(1), point.get(0));
      assertThat(Math.hypot(km[0], km[1])).isCloseTo(alone.spreadKm() * 1.5, offset(0.01));
    }
  }

  @Test
  void no_place_in_xian_lies_in_two_districts_and_the_centre_is_covered() {
    int inSome = 0;
    for (double lat = 33.9; lat <= 34.8; lat += 0.005) {
      for (double lon = 108.0; lon <= 109.5; lon += 0.005) {
        int in = enclosing(lat, lon);
        assertThat(in).as("districts at %.3f, %.3f", lat, lon).isLessThanOrEqualTo(1);
        inSome += in;
      }
    }
    assertThat(inSome).isGreaterThan(1_000);
    // The old town, where four districts' circles met, is one district's now.
    assertThat(enclosing(34.2590, 108.9470)).isEqualTo(1);
  }

  @Test
  void every_demo_station_demand_point_and_venue_lies_in_its_own_district() {
    for (Map<String, Object> station : DemoCity.stations(1500, 1)) {
      assertThat(inside(xian.get((String) station.get("district")), station)).as("%s", station.get("name")).isTrue();
    }
    for (Outline outline : xian.values()) {
      assertThat(DemoPlanning.demand(outline, 20, 42)).allMatch(p -> inside(outline, p));
      assertThat(DemoPlanning.venues(outline, 3, 42)).allMatch(v -> inside(outline, v));
    }
  }

  private int enclosing(double lat, double lon) {
    return (int) xian.values().stream().filter(o -> {
      double[] km = o.kmFromCentre(lat, lon);
      return o.encloses(km[0], km[1]);
    }).count();
  }

  private static boolean inside(Outline outline, Map<String, Object> place) {
    double[] km = outline.kmFromCentre((double) place.get("latitude"), (double) place.get("longitude"));
    return outline.encloses(km[0], km[1]);
  }
}
