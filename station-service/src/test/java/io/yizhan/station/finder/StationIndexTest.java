package io.yizhan.station.finder;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.contracts.station.AreaType;
import io.yizhan.contracts.station.BuildMode;
import io.yizhan.contracts.station.Contact;
import io.yizhan.contracts.station.StationKind;
import io.yizhan.contracts.station.StationStatus;
import io.yizhan.hours.OpeningHours;
import io.yizhan.hours.TimeRange;
import io.yizhan.station.registry.GeoPoint;
import io.yizhan.station.registry.ResponsibilityChain;
import io.yizhan.station.registry.Station;
import io.yizhan.station.registry.StationId;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StationIndexTest {

  /** The Bell Tower (钟楼), Xi'an. */
  static final double BELL_TOWER_LAT = 34.2610;
  static final double BELL_TOWER_LON = 108.9423;
  /** A Friday, 20:00 in Xi'an. */
  static final ZonedDateTime FRIDAY_EVENING = LocalDateTime.of(2026, 11, 27, 20, 0).atZone(OpeningHours.CITY);
  static final OpeningHours OFFICE_HOURS = OpeningHours.weekly(List.of(DayOfWeek.FRIDAY), TimeRange.of("09:00", "17:00"));

  final StationIndex index = new StationIndex();

  static Station station(String name, double lat, double lon, OpeningHours hours, List<String> amenities,
      StationStatus status) {
    return new Station(StationId.generate(), name, StationKind.CARE_STATION, BuildMode.UNION_BUILT, null, "碑林区",
        AreaType.MAIN_URBAN, "地址", new GeoPoint(lat, lon), 8, null, List.of(), hours, amenities,
        new ResponsibilityChain(new Contact("王丽", "1"), null, null), status, 1, Instant.EPOCH);
  }

  static NearbyQuery near(int radius, boolean openNow, Set<String> amenities) {
    return new NearbyQuery(BELL_TOWER_LAT, BELL_TOWER_LON, radius, 10, openNow, amenities, null, FRIDAY_EVENING);
  }

  @Test
  void the_nearest_stations_come_first_with_distance_and_walking_time() {
    index.put(station("南门", 34.2520, 108.9423, OpeningHours.twentyFourSeven(), List.of(), StationStatus.ACTIVE));
    index.put(station("鼓楼", 34.2625, 108.9400, OpeningHours.twentyFourSeven(), List.of(), StationStatus.ACTIVE));
    index.put(station("咸阳", 34.3296, 108.7093, OpeningHours.twentyFourSeven(), List.of(), StationStatus.ACTIVE));

    List<Nearby> found = index.nearby(near(3000, false, Set.of()));

    assertThat(found).extracting(n -> n.entry().name()).containsExactly("鼓楼", "南门");
    Nearby south = found.get(1);
    assertThat(south.distanceMeters()).isBetween(990, 1010);
    assertThat(south.walkingMinutes()).isEqualTo(17);
  }

  @Test
  void open_now_leaves_out_stations_closed_at_that_hour() {
    index.put(station("办公时间", 34.2615, 108.9423, OFFICE_HOURS, List.of(), StationStatus.ACTIVE));
    index.put(station("全天", 34.2620, 108.9423, OpeningHours.twentyFourSeven(), List.of(), StationStatus.ACTIVE));

    assertThat(index.nearby(near(3000, true, Set.of()))).extracting(n -> n.entry().name()).containsExactly("全天");
    assertThat(index.nearby(near(3000, false, Set.of())).get(0).openState().nextOpen()).isNotNull();
  }

  @Test
  void an_amenity_filter_keeps_stations_offering_all_of_them() {
    index.put(station("能充电", 34.2615, 108.9423, OFFICE_HOURS, List.of("CHARGING", "DRINKING_WATER"), StationStatus.ACTIVE));
    index.put(station("只有水", 34.2612, 108.9423, OFFICE_HOURS, List.of("DRINKING_WATER"), StationStatus.ACTIVE));

    assertThat(index.nearby(near(3000, false, Set.of("CHARGING", "DRINKING_WATER"))))
        .extracting(n -> n.entry().name()).containsExactly("能充电");
  }

  @Test
  void suspended_stations_drop_out_and_a_moved_station_is_found_where_it_is_now() {
    Station station = station("搬家", 34.2615, 108.9423, OFFICE_HOURS, List.of(), StationStatus.ACTIVE);
    index.put(station);
    index.put(station.withStatus(StationStatus.SUSPENDED));
    assertThat(index.nearby(near(3000, false, Set.of()))).isEmpty();
    assertThat(index.size()).isZero();

    index.put(station);
    Station moved = new Station(station.id(), station.name(), station.kind(), station.buildMode(), null,
        station.district(), station.areaType(), station.address(), new GeoPoint(34.40, 108.94), 8, null, List.of(),
        station.hours(), List.of(), station.chain(), StationStatus.ACTIVE, 3, Instant.EPOCH);
    index.put(moved);
    assertThat(index.nearby(near(3000, false, Set.of()))).isEmpty();
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void distances_agree_with_a_known_pair_of_points() {
    // Bell Tower to the Big Wild Goose Pagoda (大雁塔): about 5 km as the crow flies.
    assertThat(Distances.meters(BELL_TOWER_LAT, BELL_TOWER_LON, 34.2197, 108.9640)).isBetween(4_900.0, 5_100.0);
  }
}
