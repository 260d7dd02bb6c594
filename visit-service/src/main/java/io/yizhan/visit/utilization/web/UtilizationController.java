package io.yizhan.visit.utilization.web;

import io.yizhan.support.problem.InvalidRequestException;
import io.yizhan.support.problem.NotFoundException;
import io.yizhan.support.problem.StationIds;
import io.yizhan.visit.stations.KnownStation;
import io.yizhan.visit.stations.KnownStations;
import io.yizhan.visit.utilization.CityTime;
import io.yizhan.visit.utilization.DailyVisits;
import io.yizhan.visit.utilization.VisitCounts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** How much a station is used: visits on a day and over the week before it. */
@RestController
@RequestMapping("/api/utilization")
class UtilizationController {

  private final KnownStations stations;
  private final VisitCounts counts;
  private final Clock clock;

  UtilizationController(KnownStations stations, VisitCounts counts, Clock clock) {
    this.stations = stations;
    this.counts = counts;
    this.clock = clock;
  }

  /** @param date a day in Asia/Shanghai (yyyy-MM-dd); today when absent */
  @GetMapping("/stations/{id}")
  Mono<StationUtilization> station(@PathVariable String id, @RequestParam(required = false) @Nullable String date) {
    UUID stationId = StationIds.parse("id", id);
    LocalDate day = day(date);
    return stations.find(stationId)
        .switchIfEmpty(Mono.error(() -> new NotFoundException("未找到编号为 " + id + " 的站点，请核对站点编号。")))
        .flatMap(station -> counts.between(stationId, day.minusDays(6), day).collectList()
            .map(week -> StationUtilization.of(station, day, week)));
  }

  private LocalDate day(@Nullable String date) {
    if (date == null || date.isBlank()) {
      return CityTime.dayOf(clock.instant());
    }
    try {
      return LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException("date", "日期格式应为 yyyy-MM-dd，例如 2026-11-28");
    }
  }

  record Day(LocalDate date, long visits) {}

  /**
   * @param visits    visits on {@code date}
   * @param last7Days the seven days ending on {@code date}, oldest first
   */
  record StationUtilization(
      String stationId, String name, String district, int capacity, LocalDate date, String timeZone,
      long visits, List<Day> last7Days) {

    static StationUtilization of(KnownStation station, LocalDate date, List<DailyVisits> week) {
      long onDay = week.stream().filter(d -> d.day().equals(date)).mapToLong(DailyVisits::visits).sum();
      return new StationUtilization(station.id().toString(), station.name(), station.district(),
          station.capacity(), date, CityTime.ZONE.getId(), onDay,
          week.stream().map(d -> new Day(d.day(), d.visits())).toList());
    }
  }
}
