package io.yizhan.visit.utilization.web;

import io.yizhan.contracts.visit.ServiceUsed;
import io.yizhan.contracts.visit.WorkerType;
import io.yizhan.support.problem.Choices;
import io.yizhan.support.problem.InvalidRequestException;
import io.yizhan.support.problem.InvalidRequestException.FieldProblem;
import io.yizhan.support.problem.NotFoundException;
import io.yizhan.support.problem.StationIds;
import io.yizhan.visit.stations.KnownStation;
import io.yizhan.visit.stations.KnownStations;
import io.yizhan.visit.utilization.BusyIdle;
import io.yizhan.visit.utilization.CityTime;
import io.yizhan.visit.utilization.Granularity;
import io.yizhan.visit.utilization.Period;
import io.yizhan.visit.utilization.Tally;
import io.yizhan.visit.utilization.UtilizationReports;
import io.yizhan.visit.utilization.UtilizationStore.Filter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * How much stations are used. Every figure is read from utilization per station and hour; periods
 * are whole days in Asia/Shanghai, {@code from} and {@code to} included, by default the 28 days
 * ending today.
 */
@RestController
@RequestMapping("/api/utilization")
class UtilizationController {

  private final KnownStations stations;
  private final UtilizationReports reports;
  private final Clock clock;

  UtilizationController(KnownStations stations, UtilizationReports reports, Clock clock) {
    this.stations = stations;
    this.reports = reports;
    this.clock = clock;
  }

  /** One day of a station, with the seven days ending on it. @param date today when absent */
  @GetMapping("/stations/{id}")
  Mono<StationDay> station(@PathVariable String id, @RequestParam(required = false) @Nullable String date) {
    UUID stationId = StationIds.parse("id", id);
    LocalDate day = date == null || date.isBlank() ? today() : date("date", date);
    return existing(stationId).flatMap(station ->
        reports.series(Filter.station(stationId), Period.ending(day, 7), Granularity.DAY).map(week -> {
          Tally onDay = week.get(week.size() - 1).tally();
          return new StationDay(station.id().toString(), station.name(), station.district(), station.capacity(), day,
              CityTime.ZONE.getId(), onDay.visits(), onDay.outsideHours(), onDay.workers(), onDay.services(),
              week.stream().map(b -> new Day(b.start().toLocalDate(), b.tally().visits())).toList());
        }));
  }

  record Day(LocalDate date, long visits) {}

  record StationDay(String stationId, String name, String district, int capacity, LocalDate date, String timeZone,
      long visits, long outsideHours, Map<WorkerType, Long> workerTypes, Map<ServiceUsed, Long> services,
      List<Day> last7Days) {}

  /** A station's visits per hour, day, week or month, by worker type and by service. */
  @GetMapping("/stations/{id}/series")
  Mono<Series> series(@PathVariable String id, @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to, @RequestParam(defaultValue = "DAY") String by) {
    UUID stationId = StationIds.parse("id", id);
    List<FieldProblem> problems = new ArrayList<>();
    Granularity granularity = Choices.parse(Granularity.class, by.toUpperCase(java.util.Locale.ROOT), "by",
        "时间粒度", problems);
    if (granularity == null) {
      throw new InvalidRequestException("时间粒度有误。", problems);
    }
    Period period = period(from, to);
    if (granularity == Granularity.HOUR && period.days() > 31) {
      throw new InvalidRequestException("by", "按小时最多查询 31 天，请缩短时间段或改用 DAY");
    }
    return existing(stationId).flatMap(station -> reports.series(Filter.station(stationId), period, granularity)
        .map(buckets -> {
          Tally total = new Tally();
          buckets.forEach(b -> total.addAll(b.tally()));
          return new Series(station.id().toString(), station.name(), period, granularity, new Point(null, total),
              buckets.stream().map(b -> new Point(b.start(), b.tally())).toList());
        }));
  }

  record Point(@Nullable LocalDateTime start, long visits, long outsideHours, long openUnknown,
      Map<WorkerType, Long> workerTypes, Map<ServiceUsed, Long> services) {

    Point(@Nullable LocalDateTime start, Tally t) {
      this(start, t.visits(), t.outsideHours(), t.openUnknown(), t.workers(), t.services());
    }
  }

  record Series(String stationId, String name, Period period, Granularity by, Point total, List<Point> buckets) {}

  /** 忙闲不均: a district's active stations ranked by use per seat, classified. */
  @GetMapping("/districts/{district}/ranking")
  Mono<Ranking> ranking(@PathVariable String district, @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to) {
    Period period = period(from, to);
    return reports.ranking(district, period)
        .filter(ranked -> !ranked.isEmpty())
        .switchIfEmpty(Mono.error(() -> new NotFoundException(
            "区县 " + district + " 没有在用的站点：请核对区县名称（例如 碑林区、西安高新区）。")))
        .map(ranked -> new Ranking(district, period, ranked.stream()
        .map(r -> new RankedStation(r.rank(), r.load().stationId(), r.load().name(), r.load().capacity(),
            r.load().visits(), r.load().days(), r.load().visitsPerDay(), r.load().visitsPerSeatPerDay(),
            r.load().busiestHour(), r.load().busiestHourAverage(), r.vsDistrictMedian(), r.peakOccupancy(),
            r.level(), r.level().label(), r.reasons(), r.action()))
        .toList()));
  }

  record RankedStation(int rank, UUID stationId, String name, int capacity, long visits, long days,
      double visitsPerDay, double visitsPerSeatPerDay, int busiestHour, double busiestHourAverage,
      double vsDistrictMedian, double peakOccupancy, BusyIdle.Level level, String levelLabel, List<String> reasons,
      @Nullable String action) {}

  record Ranking(String district, Period period, List<RankedStation> stations) {}

  /**
   * Every active station of a district (the city when absent) with its busy/idle level against its
   * own district and its share of visits made while closed: where the stations are busy, idle or
   * closed when needed. Positions are station-service's ({@code /api/stations/locations}).
   */
  @GetMapping("/stations")
  Mono<Standings> standings(@RequestParam(required = false) @Nullable String district,
      @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to) {
    Period period = period(from, to);
    String chosen = blankToNull(district);
    return reports.standings(chosen, period).map(standings -> new Standings(chosen, period, standings.stream()
        .map(s -> {
          BusyIdle.Ranked r = s.ranked();
          return new StationStanding(r.load().stationId(), r.load().name(), r.load().district(), r.load().capacity(),
              r.load().visits(), r.load().visitsPerDay(), r.load().visitsPerSeatPerDay(), r.rank(), r.level(),
              r.level().label(), r.reasons(), r.action(), s.tally().outsideHours(), s.tally().outsideHoursShare(),
              s.closedWhenNeeded(), s.tally().newEconomyShare());
        })
        .toList()));
  }

  /** The same as a spreadsheet (CSV, UTF-8 with a byte-order mark, for Excel), to download. */
  @GetMapping(value = "/stations.csv", produces = "text/csv")
  Mono<ResponseEntity<byte[]>> standingsSheet(@RequestParam(required = false) @Nullable String district,
      @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to) {
    return standings(district, from, to).map(standings -> {
      String dates = standings.period().from() + "_" + standings.period().to() + ".csv";
      String name = "站点忙闲_" + (standings.district() == null ? "全市" : standings.district()) + "_" + dates;
      // The Chinese name for browsers (RFC 6266's filename*), an ASCII one for clients without it.
      return ResponseEntity.ok()
          .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"stations_" + dates + "\"; filename*=UTF-8''"
              + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
          .body(StandingsSheet.of(standings.stations()).getBytes(StandardCharsets.UTF_8));
    });
  }

  /**
   * @param rank             within its district, 1 for the most used per seat
   * @param closedWhenNeeded its share of visits made while closed is at or above the rule's
   */
  record StationStanding(UUID stationId, String name, String district, int capacity, long visits,
      double visitsPerDay, double visitsPerSeatPerDay, int rank, BusyIdle.Level level, String levelLabel,
      List<String> reasons, @Nullable String action, long outsideHours, double outsideHoursShare,
      boolean closedWhenNeeded, double newEconomyShare) {}

  record Standings(@Nullable String district, Period period, List<StationStanding> stations) {}

  /** Demand by weekday and hour, what came while closed, and suggested hours. */
  @GetMapping("/hours-fit")
  Mono<HoursFitAnswer> hoursFit(@RequestParam(required = false) @Nullable String station,
      @RequestParam(required = false) @Nullable String district, @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to) {
    Period period = period(from, to);
    Filter filter = filter(station, district);
    return reports.hoursFit(filter, period).map(fit -> {
      List<WeekdayDemand> days = new ArrayList<>();
      for (DayOfWeek d : DayOfWeek.values()) {
        long[] visits = new long[24];
        long[] outside = new long[24];
        for (int h = 0; h < 24; h++) {
          visits[h] = fit.demand().visits(d, h);
          outside[h] = fit.demand().outsideHours(d, h);
        }
        days.add(new WeekdayDemand(d, visits, outside));
      }
      return new HoursFitAnswer(filter.stationId(), filter.district(), period, fit.visits(), fit.outsideHours(),
          fit.outsideHoursShare(), fit.coverage(), days, fit.suggested().stream()
              .map(s -> new Suggested(s.day(), s.hours(), s.covered(), s.total())).toList());
    });
  }

  record WeekdayDemand(DayOfWeek day, long[] visitsByHour, long[] outsideHoursByHour) {}

  record Suggested(DayOfWeek day, String hours, long covered, long visits) {}

  record HoursFitAnswer(@Nullable UUID stationId, @Nullable String district, Period period, long visits,
      long outsideHours, double outsideHoursShare, double coverage, List<WeekdayDemand> demand,
      List<Suggested> suggestedHours) {}

  /** Whether new-economy workers find the stations, per station and for the district or city. */
  @GetMapping("/awareness")
  Mono<UtilizationReports.AwarenessReport> awareness(@RequestParam(required = false) @Nullable String district,
      @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to) {
    return reports.awareness(blankToNull(district), period(from, to));
  }

  /** The dashboard's figures for the city, or one district. */
  @GetMapping("/summary")
  Mono<UtilizationReports.Summary> summary(@RequestParam(required = false) @Nullable String district,
      @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to) {
    return reports.summary(blankToNull(district), period(from, to));
  }

  private Mono<KnownStation> existing(UUID id) {
    return stations.find(id)
        .switchIfEmpty(Mono.error(() -> new NotFoundException("未找到编号为 " + id + " 的站点，请核对站点编号。")));
  }

  private static Filter filter(@Nullable String station, @Nullable String district) {
    if (station != null && !station.isBlank()) {
      return Filter.station(StationIds.parse("station", station));
    }
    return district == null || district.isBlank() ? Filter.all() : Filter.district(district.strip());
  }

  private static @Nullable String blankToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private Period period(@Nullable String from, @Nullable String to) {
    LocalDate last = to == null || to.isBlank() ? today() : date("to", to);
    LocalDate first = from == null || from.isBlank() ? last.minusDays(Period.DEFAULT_DAYS - 1L) : date("from", from);
    try {
      return new Period(first, last);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("from", e.getMessage());
    }
  }

  private LocalDate today() {
    return CityTime.dayOf(clock.instant());
  }

  static LocalDate date(String field, String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(field, "日期格式应为 yyyy-MM-dd，例如 2026-11-28");
    }
  }
}
