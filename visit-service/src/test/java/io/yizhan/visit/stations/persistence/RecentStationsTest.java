package io.yizhan.visit.stations.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.visit.stations.KnownStation;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentStationsTest {

  final AtomicLong now = new AtomicLong(1_000_000_000L);
  final RecentStations recent = new RecentStations(Duration.ofSeconds(5), 3, now::get);

  static KnownStation station(String status) {
    return new KnownStation(UUID.nameUUIDFromBytes(new byte[] {1}), "雁塔区小寨爱心驿站", "CARE_STATION", "雁塔区", 10,
        Instant.parse("2026-01-05T00:00:00Z"), status, null);
  }

  @Test
  void a_station_is_served_from_memory_until_it_is_max_age_old() {
    KnownStation active = station("ACTIVE");
    recent.put(active);

    now.addAndGet(Duration.ofMillis(4_999).toNanos());
    assertThat(recent.get(active.id())).isEqualTo(active);
    now.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(recent.get(active.id())).isNull();
  }

  @Test
  void a_station_saved_here_is_read_again_at_once() {
    KnownStation active = station("ACTIVE");
    recent.put(active);

    recent.forget(active.id());

    assertThat(recent.get(active.id())).isNull();
  }

  @Test
  void past_max_entries_all_are_forgotten_so_memory_stays_bounded() {
    KnownStation[] stations = new KnownStation[4];
    for (int i = 0; i < stations.length; i++) {
      stations[i] = new KnownStation(UUID.randomUUID(), "站点" + i, "CARE_STATION", "雁塔区", 10, Instant.EPOCH,
          "ACTIVE", null);
    }
    recent.put(stations[0]);
    recent.put(stations[1]);
    recent.put(stations[2]);

    recent.put(stations[3]);

    assertThat(recent.get(stations[0].id())).isNull();
    assertThat(recent.get(stations[3].id())).isEqualTo(stations[3]);
  }

  @Test
  void a_max_age_of_zero_turns_it_off() {
    RecentStations off = new RecentStations(Duration.ZERO, 3, now::get);
    off.put(station("ACTIVE"));

    assertThat(off.get(station("ACTIVE").id())).isNull();
  }
}
