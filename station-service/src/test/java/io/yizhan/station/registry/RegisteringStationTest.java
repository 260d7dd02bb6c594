package io.yizhan.station.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.yizhan.support.problem.InvalidRequestException;
import io.yizhan.support.problem.InvalidRequestException.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class RegisteringStationTest {

  static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

  final List<Station> stored = new ArrayList<>();
  final RegisteringStation registering =
      new RegisteringStation(new StoredInList(stored), Clock.fixed(NOW, ZoneOffset.UTC));

  static RegisterStation beilinStation() {
    return new RegisterStation("碑林区光大银行爱心驿站", "CARE_STATION", "碑林区", "东大街 1 号",
        34.2596, 108.9532, 12, "王丽", "029-87654321");
  }

  @Test
  void a_complete_station_is_registered_at_version_one() {
    Station station = registering.register(beilinStation()).block();

    assertThat(station.version()).isEqualTo(1);
    assertThat(station.registeredAt()).isEqualTo(NOW);
    assertThat(station.manager().name()).isEqualTo("王丽");
    assertThat(stored).containsExactly(station);
  }

  @Test
  void every_missing_field_is_named_at_once() {
    InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class, () ->
        registering.register(new RegisterStation(null, null, " ", null, null, null, null, null, null)).block());

    assertThat(refused.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder(
        "name", "kind", "district", "address", "latitude", "longitude", "capacity", "manager.name", "manager.phone");
    assertThat(stored).isEmpty();
  }

  @Test
  void swapped_coordinates_are_refused_as_outside_china() {
    RegisterStation swapped = new RegisterStation("站", "SERVICE_POINT", "碑林区", "东大街", 108.95, 34.26, 4, "王丽", "1");

    InvalidRequestException refused =
        catchThrowableOfType(InvalidRequestException.class, () -> registering.register(swapped).block());

    assertThat(refused.problems()).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("latitude");
      assertThat(p.message()).contains("不在中国境内");
    });
  }

  @Test
  void an_unknown_kind_lists_the_kinds_there_are() {
    RegisterStation wrongKind = new RegisterStation("站", "KIOSK", "碑林区", "东大街", 34.26, 108.95, 4, "王丽", "1");

    InvalidRequestException refused =
        catchThrowableOfType(InvalidRequestException.class, () -> registering.register(wrongKind).block());

    assertThat(refused.problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("CARE_STATION", "SERVICE_POINT"));
  }

  /** The port kept in a list: these tests are about the rules, not the database. */
  private record StoredInList(List<Station> stations) implements Stations {
    @Override
    public Mono<Station> register(Station station) {
      stations.add(station);
      return Mono.just(station);
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
    public Flux<Station> all(int limit) {
      return Flux.fromIterable(stations).take(limit);
    }
  }
}
