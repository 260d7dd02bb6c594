package io.yizhan.visit.stations.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.visit.stations.KnownStation;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StationsInMemoryTest {

  static final Instant MONDAY = Instant.parse("2026-11-30T08:00:00Z");

  final AtomicLong now = new AtomicLong(1_000_000_000L);
  final StationsInMemory inMemory = new StationsInMemory(Duration.ofSeconds(5), 3, now::get);

  static KnownStation station(String status) {
    return new KnownStation(UUID.nameUUIDFromBytes(new byte[] {1}), "雁塔区小寨爱心驿站", "CARE_STATION", "雁塔区", 10,
        Instant.parse("2026-01-05T00:00:00Z"), status, null);
  }

  @Test
  void copies_are_served_while_the_last_ask_for_changes_began_less_than_max_age_ago() {
    KnownStation active = station("ACTIVE");
    inMemory.offer(active, MONDAY);
    assertThat(inMemory.get(active.id())).as("before any ask, nobody knows how old the copy is").isNull();

    inMemory.asked(now.get());
    now.addAndGet(Duration.ofMillis(4_999).toNanos());
    assertThat(inMemory.get(active.id())).isEqualTo(active);

    now.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(inMemory.get(active.id())).as("asking failed for max age: read the database").isNull();

    inMemory.asked(now.get());
    assertThat(inMemory.get(active.id())).as("a copy is not old while asking keeps succeeding").isEqualTo(active);
  }

  @Test
  void a_copy_is_replaced_by_a_later_change_but_not_by_an_earlier_read() {
    inMemory.asked(now.get());
    inMemory.offer(station("ACTIVE"), MONDAY);

    inMemory.offer(station("SUSPENDED"), MONDAY.plusSeconds(1));
    assertThat(inMemory.get(station("ACTIVE").id()).status()).isEqualTo("SUSPENDED");

    // A check-in's read that began before the suspension answers after the ask that found it.
    inMemory.offer(station("ACTIVE"), MONDAY);
    assertThat(inMemory.get(station("ACTIVE").id()).status()).isEqualTo("SUSPENDED");
  }

  @Test
  void a_station_saved_here_is_read_again_at_once() {
    inMemory.asked(now.get());
    KnownStation active = station("ACTIVE");
    inMemory.offer(active, MONDAY);

    inMemory.forget(active.id());

    assertThat(inMemory.get(active.id())).isNull();
  }

  @Test
  void past_max_entries_all_are_dropped_so_memory_stays_bounded() {
    inMemory.asked(now.get());
    KnownStation[] stations = new KnownStation[4];
    for (int i = 0; i < stations.length; i++) {
      stations[i] = new KnownStation(UUID.randomUUID(), "站点" + i, "CARE_STATION", "雁塔区", 10, Instant.EPOCH,
          "ACTIVE", null);
      inMemory.offer(stations[i], MONDAY);
    }

    assertThat(inMemory.get(stations[0].id())).isNull();
    assertThat(inMemory.get(stations[3].id())).isEqualTo(stations[3]);
    assertThat(inMemory.size()).isEqualTo(1);
  }

  @Test
  void a_max_age_of_zero_turns_it_off() {
    StationsInMemory off = new StationsInMemory(Duration.ZERO, 3, now::get);
    off.asked(now.get());
    off.offer(station("ACTIVE"), MONDAY);

    assertThat(off.get(station("ACTIVE").id())).isNull();
  }
}
