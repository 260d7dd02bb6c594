package io.yizhan.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DemoUpkeepTest {

  static final List<String> TASKS = List.of("CLEANING", "RESTOCKING", "SERVICE_REGISTER", "EQUIPMENT_UPKEEP");
  static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");
  static final Duration DAY = Duration.ofDays(1);

  static List<String> stationIds(int count) {
    Random random = new Random(42);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(new UUID(random.nextLong(), random.nextLong()).toString());
    }
    return ids;
  }

  static String keptUpStation() {
    return stationIds(100).stream().filter(id -> TASKS.stream().noneMatch(task -> DemoUpkeep.lapses(id, task)))
        .findFirst().orElseThrow();
  }

  @Test
  void a_few_stations_let_upkeep_lapse_so_the_overdue_report_has_something_but_not_everything() {
    List<String> ids = stationIds(1_500);
    long anyLapsing = ids.stream().filter(id -> TASKS.stream().anyMatch(task -> DemoUpkeep.lapses(id, task))).count();
    long allLapsing = ids.stream().filter(id -> TASKS.stream().allMatch(task -> DemoUpkeep.lapses(id, task))).count();
    assertThat(anyLapsing).as("stations with an overdue task, of 1,500").isBetween(60L, 150L);
    assertThat(allLapsing).as("stations whose new manager does nothing").isBetween(20L, 80L);
  }

  @Test
  void managers_do_a_task_shortly_before_it_falls_due_each_at_their_own_time() {
    List<Duration> leads = stationIds(200).stream().map(id -> DemoUpkeep.lead(id, DAY)).toList();
    assertThat(leads).allSatisfy(lead -> assertThat(lead).isBetween(Duration.ofMinutes(30), Duration.ofHours(2)));
    assertThat(leads.stream().distinct().count()).as("spread over the stations").isGreaterThan(100);
  }

  @Test
  void a_kept_up_task_is_done_once_it_is_within_its_lead_of_falling_due_and_not_before() {
    String station = keptUpStation();
    DemoUpkeep.Station kept = new DemoUpkeep.Station(station, "王丽", true);
    Duration lead = DemoUpkeep.lead(station, DAY);
    assertThat(DemoUpkeep.doNow(new DemoUpkeep.Task(kept, "CLEANING", DAY, NOW.plus(lead).plusSeconds(60)), NOW)).isFalse();
    assertThat(DemoUpkeep.doNow(new DemoUpkeep.Task(kept, "CLEANING", DAY, NOW.plus(lead)), NOW)).isTrue();
    assertThat(DemoUpkeep.doNow(new DemoUpkeep.Task(kept, "CLEANING", DAY, NOW.minus(DAY)), NOW))
        .as("overdue after a restart: caught up at once").isTrue();
  }

  @Test
  void a_lapsing_task_is_never_done_however_overdue() {
    String station = stationIds(1_500).stream().filter(id -> DemoUpkeep.lapses(id, "CLEANING")).findFirst().orElseThrow();
    DemoUpkeep.Station lapsing = new DemoUpkeep.Station(station, "李强", false);
    assertThat(DemoUpkeep.doNow(new DemoUpkeep.Task(lapsing, "CLEANING", DAY, NOW.minus(Duration.ofDays(40))), NOW))
        .isFalse();
  }

  @Test
  void activities_are_in_season_within_the_days_asked_and_more_at_full_stations() {
    LocalDate today = LocalDate.of(2026, 12, 6);
    List<DemoUpkeep.PlannedActivity> all = new ArrayList<>();
    for (String id : stationIds(500)) {
      boolean careStation = id.hashCode() % 2 == 0;
      List<DemoUpkeep.PlannedActivity> planned = DemoUpkeep.activities(new DemoUpkeep.Station(id, "张敏", careStation),
          today, 90);
      assertThat(planned.size()).isBetween(careStation ? 2 : 0, careStation ? 5 : 2);
      assertThat(DemoUpkeep.activities(new DemoUpkeep.Station(id, "张敏", careStation), today, 90))
          .as("the same station always gets the same").isEqualTo(planned);
      all.addAll(planned);
    }
    assertThat(all).allSatisfy(a -> {
      assertThat(a.heldOn()).isBetween(today.minusDays(90), today.minusDays(1));
      assertThat(a.participants()).isPositive();
      MonthDay date = MonthDay.from(a.heldOn());
      switch (a.kind()) {
        case "SUMMER_COOLING" -> assertThat(date).isLessThanOrEqualTo(MonthDay.of(9, 15));
        case "WINTER_WARMTH" -> assertThat(date).isGreaterThanOrEqualTo(MonthDay.of(11, 15));
        case "HOLIDAY_MEAL" -> assertThat(a.heldOn()).isBetween(LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 4));
        default -> { }
      }
    });
    assertThat(all).extracting(DemoUpkeep.PlannedActivity::kind)
        .contains("SUMMER_COOLING", "WINTER_WARMTH", "HOLIDAY_MEAL", "FREE_CLINIC", "LEGAL_AID", "MODEL_WORKER_VISIT");
  }
}
