package io.yizhan.visit.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.yizhan.contracts.visit.ServiceUsed;
import io.yizhan.hours.OpeningHours;
import io.yizhan.hours.TimeRange;
import io.yizhan.contracts.visit.VisitChannel;
import io.yizhan.contracts.visit.WorkerType;
import io.yizhan.support.problem.InvalidRequestException;
import io.yizhan.support.problem.InvalidRequestException.FieldProblem;
import io.yizhan.visit.stations.KnownStation;
import io.yizhan.visit.stations.KnownStations;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class CheckingInTest {

  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  static final UUID STATION = UUID.fromString("0b7e2c1a-5d7f-4a55-9f51-3c2f7d1e9a10");
  static final Set<VisitChannel> HTTP = Set.of(VisitChannel.QR_CHECK_IN, VisitChannel.MANAGER_REGISTER);

  /** Weekdays 09:00–17:00: NOW is Saturday 20:00 in Xi'an. */
  static final OpeningHours OFFICE_HOURS = OpeningHours.weekly(
      List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
      TimeRange.of("09:00", "17:00"));

  final Map<String, Visit> recorded = new HashMap<>();
  final OneStation station = new OneStation();
  final CheckingIn checkingIn = new CheckingIn(station, new VisitsInMap(recorded), Clock.fixed(NOW, ZoneOffset.UTC));

  static CheckIn courierDrinkingWater() {
    return new CheckIn("v-1", STATION.toString(), null, "COURIER", List.of("WATER"), null, "w-42");
  }

  @Test
  void a_valid_check_in_is_recorded_now_by_qr_code() {
    CheckInResult result = checkingIn.checkIn(courierDrinkingWater(), VisitChannel.QR_CHECK_IN, HTTP).block();

    assertThat(result.duplicate()).isFalse();
    assertThat(result.visit().visitedAt()).isEqualTo(NOW);
    assertThat(result.visit().channel()).isEqualTo(VisitChannel.QR_CHECK_IN);
    assertThat(result.visit().workerType()).isEqualTo(WorkerType.COURIER);
    assertThat(result.visit().services()).containsExactly(ServiceUsed.WATER);
  }

  @Test
  void a_visit_outside_opening_hours_is_recorded_as_such_not_refused() {
    CheckInResult saturdayNight = checkingIn.checkIn(courierDrinkingWater(), VisitChannel.QR_CHECK_IN, HTTP).block();
    CheckIn fridayMorning = new CheckIn("v-2", STATION.toString(), "2026-11-27T02:30:00Z", "SANITATION",
        List.of("TOILET"), null, null);
    CheckInResult inHours = checkingIn.checkIn(fridayMorning, VisitChannel.QR_CHECK_IN, HTTP).block();

    assertThat(saturdayNight.visit().stationOpen()).isFalse();
    assertThat(inHours.visit().stationOpen()).isTrue();
    assertThat(recorded).hasSize(2);
  }

  @Test
  void a_visit_to_a_revoked_station_counts_as_demand_and_unknown_hours_stay_unknown() {
    station.current = station.current.withStatus("REVOKED");
    CheckIn fridayMorning = new CheckIn("v-3", STATION.toString(), "2026-11-27T02:30:00Z", "COURIER", List.of(), null,
        null);
    assertThat(checkingIn.checkIn(fridayMorning, VisitChannel.QR_CHECK_IN, HTTP).block().visit().stationOpen())
        .isFalse();

    station.current = new KnownStation(STATION, "碑林区光大银行爱心驿站", "CARE_STATION", "碑林区", 12, NOW, "ACTIVE", null);
    assertThat(checkingIn.checkIn(courierDrinkingWater(), VisitChannel.QR_CHECK_IN, HTTP).block().visit().stationOpen())
        .isNull();
  }

  @Test
  void the_same_visit_id_twice_is_recorded_once() {
    checkingIn.checkIn(courierDrinkingWater(), VisitChannel.QR_CHECK_IN, HTTP).block();
    CheckInResult again = checkingIn.checkIn(courierDrinkingWater(), VisitChannel.QR_CHECK_IN, HTTP).block();

    assertThat(again.duplicate()).isTrue();
    assertThat(recorded).hasSize(1);
  }

  @Test
  void every_bad_field_is_named_at_once() {
    CheckIn bad = new CheckIn(null, "not-a-uuid", "yesterday", "ASTRONAUT", List.of("SAUNA"), "DISTRICT_FEED", null);

    InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
        () -> checkingIn.checkIn(bad, VisitChannel.QR_CHECK_IN, HTTP).block());

    assertThat(refused.problems()).extracting(FieldProblem::field)
        .containsExactlyInAnyOrder("stationId", "visitedAt", "workerType", "services", "channel");
    assertThat(recorded).isEmpty();
  }

  @Test
  void a_visit_beyond_the_clock_skew_in_the_future_is_refused() {
    CheckIn future = new CheckIn("v", STATION.toString(), NOW.plusSeconds(3600).toString(), "TAXI_DRIVER",
        List.of(), null, null);

    InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
        () -> checkingIn.checkIn(future, VisitChannel.QR_CHECK_IN, HTTP).block());

    assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly("visitedAt");
  }

  @Test
  void a_phone_number_is_never_accepted_as_a_worker_token() {
    for (String token : List.of("13912345678", "rider-13912345678", "rider\n13912345678")) {
      CheckIn withPhone = new CheckIn("v", STATION.toString(), null, "FOOD_DELIVERY", List.of(), null, token);

      InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
          () -> checkingIn.checkIn(withPhone, VisitChannel.QR_CHECK_IN, HTTP).block());

      assertThat(refused.problems()).as(token).extracting(FieldProblem::field).containsExactly("workerToken");
    }
  }

  @Test
  void a_station_nobody_registered_is_refused_with_what_to_do() {
    CheckIn unknown = new CheckIn("v", UUID.randomUUID().toString(), null, "SANITATION", List.of(), null, null);

    InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
        () -> checkingIn.checkIn(unknown, VisitChannel.QR_CHECK_IN, HTTP).block());

    assertThat(refused.problems()).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("stationId");
      assertThat(p.message()).contains("二维码");
    });
  }

  @Test
  void the_channel_check_sees_the_channel_and_the_station_and_what_it_refuses_is_not_recorded() {
    CheckIn registerEntry = new CheckIn("v-r", STATION.toString(), null, "SANITATION", List.of(), "MANAGER_REGISTER",
        null);
    List<String> asked = new java.util.ArrayList<>();
    ChannelCheck refuseRegisters = (channel, at) -> {
      asked.add(channel + " at " + at.district());
      if (channel == VisitChannel.MANAGER_REGISTER) {
        throw new IllegalStateException("not this sender");
      }
    };

    Throwable refused = catchThrowableOfType(IllegalStateException.class,
        () -> checkingIn.checkIn(registerEntry, VisitChannel.QR_CHECK_IN, HTTP, refuseRegisters).block());
    CheckInResult byQr = checkingIn.checkIn(courierDrinkingWater(), VisitChannel.QR_CHECK_IN, HTTP, refuseRegisters)
        .block();

    assertThat(refused).hasMessage("not this sender");
    assertThat(byQr.duplicate()).isFalse();
    assertThat(asked).containsExactly("MANAGER_REGISTER at 碑林区", "QR_CHECK_IN at 碑林区");
    assertThat(recorded).containsOnlyKeys("v-1");
  }

  private static final class OneStation implements KnownStations {
    KnownStation current =
        new KnownStation(STATION, "碑林区光大银行爱心驿站", "CARE_STATION", "碑林区", 12, NOW, "ACTIVE", OFFICE_HOURS);

    @Override
    public Mono<Void> save(KnownStation station) {
      return Mono.empty();
    }

    @Override
    public Mono<Map<UUID, KnownStation>> findAll(java.util.Collection<UUID> ids) {
      return Mono.just(ids.contains(STATION) ? Map.of(STATION, current) : Map.of());
    }

    @Override
    public Mono<KnownStation> find(UUID id) {
      return STATION.equals(id)
          ? Mono.just(current)
          : Mono.empty();
    }

    @Override
    public Mono<KnownStation> findRecent(UUID id) {
      return find(id);
    }

    @Override
    public reactor.core.publisher.Flux<KnownStation> listed(String district) {
      return reactor.core.publisher.Flux.just(current).filter(s -> district == null || district.equals(s.district()));
    }
  }

  private record VisitsInMap(Map<String, Visit> visits) implements Visits {
    @Override
    public Mono<Set<String>> recordAll(List<Visit> batch) {
      Set<String> stored = new java.util.HashSet<>();
      batch.forEach(v -> {
        if (visits.putIfAbsent(v.id(), v) == null) {
          stored.add(v.id());
        }
      });
      return Mono.just(stored);
    }

    @Override
    public Mono<CheckInResult> record(Visit visit) {
      Visit existing = visits.putIfAbsent(visit.id(), visit);
      return Mono.just(existing == null ? new CheckInResult(visit, false) : new CheckInResult(existing, true));
    }

    @Override
    public Set<java.util.UUID> committedHere(java.util.Collection<java.util.UUID> eventIds) {
      return Set.of();   // nothing noted: every visit read back is asked about
    }

    @Override
    public void forgetCommittedHere() {
    }

    @Override
    public Mono<Set<String>> missing(java.util.Collection<String> ids) {
      return Mono.just(ids.stream().filter(id -> !visits.containsKey(id)).collect(java.util.stream.Collectors.toSet()));
    }

    @Override
    public Mono<Integer> restore(List<Visit> logged) {
      return recordAll(logged).map(Set::size);
    }

    @Override
    public Mono<Visit> find(String id) {
      return Mono.justOrEmpty(visits.get(id));
    }
  }
}
