package io.yizhan.station.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.yizhan.contracts.station.Hours;
import io.yizhan.contracts.station.StationStatus;
import io.yizhan.support.problem.InvalidRequestException;
import io.yizhan.support.problem.InvalidRequestException.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class RegisteringStationTest {

  static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

  final List<Station> stored = new ArrayList<>();
  final RegisteringStation registering =
      new RegisteringStation(new StoredInList(stored), new TwoAmenities(), Clock.fixed(NOW, ZoneOffset.UTC));

  static final Hours WEEKDAYS_9_TO_5 = new Hours(false, Map.of(
      "MONDAY", List.of(new Hours.Range("09:00", "17:00")),
      "FRIDAY", List.of(new Hours.Range("09:00", "17:00"))), List.of());

  static RegisterStation beilinStation() {
    return station("CARE_STATION", "SOCIETY_ASSISTED", "中国光大银行", 34.2596, 108.9532, WEEKDAYS_9_TO_5,
        List.of("SIGN", "WATER"));
  }

  static RegisterStation station(String kind, String buildMode, String partner, double lat, double lon, Hours hours,
      List<String> amenities) {
    return new RegisterStation("碑林区光大银行爱心驿站", kind, buildMode, partner, "碑林区", "MAIN_URBAN", "东大街 1 号",
        lat, lon, 12, "029-87650000", List.of("https://example.org/photo.jpg"), hours, amenities,
        new RegisterStation.Person("王丽", "029-87654321"), null, null, null);
  }

  @Test
  void a_complete_station_is_registered_at_version_one() {
    Station station = registering.register(beilinStation()).block();

    assertThat(station.version()).isEqualTo(1);
    assertThat(station.registeredAt()).isEqualTo(NOW);
    assertThat(station.chain().manager().name()).isEqualTo("王丽");
    assertThat(station.status()).isEqualTo(StationStatus.ACTIVE);
    assertThat(stored).containsExactly(station);
  }

  @Test
  void every_missing_field_is_named_at_once() {
    InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class, () ->
        registering.register(new RegisterStation(null, null, null, null, " ", null, null, null, null, null, null, null,
            null, null, null, null, null, null)).block());

    assertThat(refused.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder(
        "name", "kind", "buildMode", "district", "areaType", "address", "latitude", "longitude", "capacity",
        "hours", "manager.name", "manager.phone");
    assertThat(stored).isEmpty();
  }

  @Test
  void swapped_coordinates_are_refused_as_outside_china() {
    RegisterStation swapped = station("SERVICE_POINT", "UNION_BUILT", null, 108.95, 34.26, WEEKDAYS_9_TO_5, List.of());

    InvalidRequestException refused =
        catchThrowableOfType(InvalidRequestException.class, () -> registering.register(swapped).block());

    assertThat(refused.problems()).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("latitude");
      assertThat(p.message()).contains("不在中国境内");
    });
  }

  @Test
  void an_unknown_kind_lists_the_kinds_there_are() {
    RegisterStation wrongKind = station("KIOSK", "UNION_BUILT", null, 34.26, 108.95, WEEKDAYS_9_TO_5, List.of());

    InvalidRequestException refused =
        catchThrowableOfType(InvalidRequestException.class, () -> registering.register(wrongKind).block());

    assertThat(refused.problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("CARE_STATION", "SERVICE_POINT"));
  }

  @Test
  void a_co_built_station_names_its_partner_and_lists_only_known_amenities() {
    RegisterStation noPartner = station("CARE_STATION", "GOVERNMENT_BUILT", " ", 34.26, 108.95, WEEKDAYS_9_TO_5,
        List.of("SIGN", "JACUZZI"));

    InvalidRequestException refused =
        catchThrowableOfType(InvalidRequestException.class, () -> registering.register(noPartner).block());

    assertThat(refused.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder("partner", "amenities");
    assertThat(refused.problems()).anySatisfy(p -> assertThat(p.message()).contains("JACUZZI"));
  }

  @Test
  void overlapping_hours_are_refused_naming_the_day() {
    Hours overlapping = new Hours(false, Map.of("MONDAY",
        List.of(new Hours.Range("09:00", "12:00"), new Hours.Range("11:30", "17:00"))), List.of());

    InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class, () ->
        registering.register(station("CARE_STATION", "UNION_BUILT", null, 34.26, 108.95, overlapping, List.of())).block());

    assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly("hours.weekly.MONDAY");
  }

  private static final class TwoAmenities implements AmenityCatalog {
    @Override
    public Mono<List<Amenity>> all() {
      return Mono.just(List.of(new Amenity("SIGN", "统一标识", true, true), new Amenity("WATER", "饮用水", true, true)));
    }
  }

  /** The port kept in a list: these tests are about the rules, not the database. */
  private record StoredInList(List<Station> stations) implements Stations {
    @Override
    public Mono<Station> register(Station station) {
      stations.add(station);
      return Mono.just(station);
    }

    @Override
    public Mono<Void> registerAll(List<Station> all) {
      stations.addAll(all);
      return Mono.empty();
    }

    @Override
    public Mono<Station> changeHours(Station changed) {
      return Mono.just(changed);
    }

    @Override
    public Mono<Station> update(Station changed, String by) {
      stations.replaceAll(s -> s.id().equals(changed.id()) ? changed : s);
      return Mono.just(changed);
    }

    @Override
    public Mono<Station> changeStatus(Station changed, StatusChange change) {
      return Mono.just(changed);
    }

    @Override
    public Mono<Station> find(StationId id) {
      return Mono.justOrEmpty(stations.stream().filter(s -> s.id().equals(id)).findFirst());
    }

    @Override
    public Flux<Station> inDistrict(String district, int limit) {
      return Flux.fromIterable(stations).filter(s -> s.district().equals(district)).take(limit);
    }

    @Override
    public Flux<Station> everything() {
      return Flux.fromIterable(stations);
    }

    @Override
    public Flux<Station> all(int limit) {
      return Flux.fromIterable(stations).take(limit);
    }
  }
}
