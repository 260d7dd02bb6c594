package io.yizhan.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DemoVisitsTest {

  static final LocalDate WINTER_DAY = LocalDate.of(2026, 12, 5);
  static final int FOOD_DELIVERY = 5;

  static DemoVisits.Station station(String... amenities) {
    return new DemoVisits.Station("s-1", "碑林区", true, 8, 1.0, 1.0, List.of(amenities));
  }

  static List<String> servicesOfManyVisits(DemoVisits.Station station) {
    Random random = new Random(7);
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      List<String> used = DemoVisits.services(random, FOOD_DELIVERY, WINTER_DAY, station);
      assertThat(used).as("every visit uses something, if only a seat").isNotEmpty();
      all.addAll(used);
    }
    return all;
  }

  @Test
  void a_visit_uses_only_what_its_station_offers() {
    // A kiosk with a seat and a charger: no toilet, no water, no microwave, no heating.
    assertThat(servicesOfManyVisits(station("SIGN", "SEATING", "CHARGING")))
        .contains("REST", "CHARGING")
        .doesNotContain("TOILET", "WATER", "MEAL_HEATING", "WARMTH_COOLING");
  }

  @Test
  void a_full_station_sees_every_common_service() {
    assertThat(servicesOfManyVisits(station("SIGN", "SEATING", "DRINKING_WATER", "HEATING_COOLING", "TOILET_ACCESS",
        "FIRST_AID_KIT", "MICROWAVE", "CHARGING")))
        .contains("REST", "WATER", "TOILET", "CHARGING", "MEAL_HEATING", "WARMTH_COOLING", "LEGAL_UNION_SERVICE");
  }
}
