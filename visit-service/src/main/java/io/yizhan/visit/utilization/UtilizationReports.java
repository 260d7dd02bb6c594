package io.yizhan.visit.utilization;

import io.yizhan.contracts.visit.ServiceUsed;
import io.yizhan.contracts.visit.WorkerType;
import io.yizhan.visit.stations.KnownStation;
import io.yizhan.visit.stations.KnownStations;
import io.yizhan.visit.utilization.BusyIdle.Level;
import io.yizhan.visit.utilization.BusyIdle.Ranked;
import io.yizhan.visit.utilization.UtilizationStore.Filter;
import io.yizhan.visit.utilization.UtilizationStore.StationCounts;
import io.yizhan.visit.utilization.WeekDemand.SuggestedDay;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** The figures planners and dashboards read, computed from utilization per station and hour. */
public class UtilizationReports {

  private final UtilizationStore store;
  private final KnownStations stations;
  private final WorkerMixes mixes;
  private final UtilizationRules rules;
  private final BusyIdle busyIdle;

  public UtilizationReports(UtilizationStore store, KnownStations stations, WorkerMixes mixes, UtilizationRules rules) {
    this.store = store;
    this.stations = stations;
    this.mixes = mixes;
    this.rules = rules;
    this.busyIdle = new BusyIdle(rules);
  }

  // --- series ---

  /** Every bucket of the period, with zeros where nobody came: a trend line needs the gaps. */
  public Mono<List<Bucket>> series(Filter filter, Period period, Granularity granularity) {
    return store.series(filter, period, granularity).collectMap(Bucket::start).map(found -> {
      List<Bucket> all = new ArrayList<>();
      LocalDateTime end = period.to().plusDays(1).atStartOfDay();
      for (LocalDateTime b = granularity.bucketOf(period.from().atStartOfDay()); b.isBefore(end); b = granularity.next(b)) {
        Bucket bucket = found.get(b);
        all.add(bucket != null ? bucket : new Bucket(b, new Tally()));
      }
      return all;
    });
  }

  // --- busy / idle ---

  /** A district's active stations ranked by use per seat, each classified. */
  public Mono<List<Ranked>> ranking(String district, Period period) {
    return usage(district, period).map(usage -> busyIdle.rank(usage.loadsByDistrict(period).getOrDefault(district,
        List.of())));
  }

  /**
   * One active station's standing over a period: its place among its district's stations, and
   * whether its hours miss the workers.
   *
   * @param tally            its visits in the period (empty when nobody came)
   * @param closedWhenNeeded enough of its visits came while it was closed that its hours need a look
   */
  public record Standing(Ranked ranked, Tally tally, boolean closedWhenNeeded) {}

  /**
   * Every active station of a district, or of the city when null, each judged against the other
   * stations of its own district: what a map of busy, idle and closed-when-needed stations draws.
   */
  public Mono<List<Standing>> standings(@Nullable String district, Period period) {
    return usage(district, period).map(usage -> {
      List<Standing> standings = new ArrayList<>();
      usage.loadsByDistrict(period).forEach((name, loads) -> busyIdle.rank(loads).forEach(ranked -> {
        Tally tally = usage.tally(ranked.load().stationId());
        standings.add(new Standing(ranked, tally, closedWhenNeeded(tally)));
      }));
      return standings;
    });
  }

  private boolean closedWhenNeeded(Tally tally) {
    return tally.visits() - tally.openUnknown() >= rules.awarenessMinVisits()
        && tally.outsideHoursShare() >= rules.outsideHoursFlag();
  }

  /**
   * What busy/idle and the summary are computed from, read once: the active stations and, for those
   * with visits in the period, their counts with the first hour of visits, and visits by hour of day.
   */
  private record Usage(List<KnownStation> active, Map<UUID, StationCounts> counts, Map<UUID, long[]> byHourOfDay) {

    /** A station's counts in the period, empty when nobody came. */
    Tally tally(UUID stationId) {
      StationCounts c = counts.get(stationId);
      return c != null ? c.tally() : new Tally();
    }

    /** The loads of the active stations, by district. */
    Map<String, List<StationLoad>> loadsByDistrict(Period period) {
      Map<String, List<StationLoad>> byDistrict = new TreeMap<>();
      for (KnownStation s : active) {
        byDistrict.computeIfAbsent(s.district(), d -> new ArrayList<>()).add(new StationLoad(
            s.id(), s.name(), s.district(), s.capacity(), daysInUse(s, counts.get(s.id()), period),
            period.days(), tally(s.id()).visits(),
            byHourOfDay.getOrDefault(s.id(), new long[24])));
      }
      return byDistrict;
    }
  }

  /**
   * The usage of one district's stations, or the city's when null, read one query after another.
   * The city's take about half a second of the database's work; run at once they took every core
   * of a small machine, and single check-ins, which wait for the database, stalled for a quarter
   * of a second whenever a dashboard opened the city's map or a round judged it (docs/benchmarks.md,
   * session 43). The first days with visits come with the counts: a pass of their own cost a
   * third of the judging (session 44).
   */
  private Mono<Usage> usage(@Nullable String district, Period period) {
    Filter filter = district == null ? Filter.all() : Filter.district(district);
    return stations.listed(district).filter(s -> "ACTIVE".equals(s.status())).collectList()
        .flatMap(active -> store.perStation(filter, period)
            .flatMap(counts -> store.byHourOfDay(filter, period)
                .map(byHour -> new Usage(active, counts, byHour))));
  }

  /**
   * A station listed during the period is judged on the days it was there: from its listing, or
   * from its first visit if that came earlier (a station running before it was registered here).
   */
  private static long daysInUse(KnownStation station, @Nullable StationCounts counts, Period period) {
    LocalDate since = CityTime.dayOf(station.registeredAt());
    LocalDate firstVisit = counts == null ? null : CityTime.dayOf(counts.firstHourWithVisits());
    if (firstVisit != null && firstVisit.isBefore(since)) {
      since = firstVisit;
    }
    LocalDate from = since.isAfter(period.from()) ? since : period.from();
    return from.isAfter(period.to()) ? 1 : java.time.temporal.ChronoUnit.DAYS.between(from, period.to()) + 1;
  }

  // --- hours fit ---

  /**
   * @param outsideHoursShare share of the visits (whose openness is known) that came while closed
   * @param suggested         per weekday, the shortest hours holding the rules' share of demand
   */
  public record HoursFit(WeekDemand demand, long visits, long outsideHours, double outsideHoursShare,
      double coverage, List<SuggestedDay> suggested) {}

  public Mono<HoursFit> hoursFit(Filter filter, Period period) {
    return store.weekDemand(filter, period).map(demand -> new HoursFit(demand, demand.total(),
        demand.totalOutsideHours(), demand.outsideHoursShare(), rules.hoursCoverage(),
        demand.suggestedHours(rules.hoursCoverage())));
  }

  // --- awareness ---

  public record StationAwareness(UUID stationId, String name, String district, Awareness awareness, String verdict) {}

  /**
   * @param stations the flagged stations first (lowest share first), then the others
   */
  public record AwarenessReport(@Nullable String district, Awareness overall, String verdict,
      Map<WorkerType, Long> workerTypes, @Nullable Map<WorkerType, Double> expectedMix, List<StationAwareness> stations) {}

  public Mono<AwarenessReport> awareness(@Nullable String district, Period period) {
    Filter filter = district == null ? Filter.all() : Filter.district(district);
    return Mono.zip(stations.listed(district).collectMap(KnownStation::id), store.perStation(filter, period), mixes.all())
        .map(t -> {
          Map<String, Map<WorkerType, Double>> mixByDistrict = t.getT3();
          Tally total = new Tally();
          List<StationAwareness> list = new ArrayList<>();
          t.getT2().forEach((id, counts) -> {
            Tally tally = counts.tally();
            total.addAll(tally);
            KnownStation s = t.getT1().get(id);
            if (s != null) {
              Awareness a = Awareness.of(tally, expected(mixByDistrict.get(s.district())), rules);
              list.add(new StationAwareness(id, s.name(), s.district(), a, a.verdict()));
            }
          });
          list.sort(Comparator.comparing((StationAwareness s) -> !s.awareness().flagged())
              .thenComparingDouble(s -> s.awareness().share()));
          Map<WorkerType, Double> mix = district == null ? null : mixByDistrict.get(district);
          Awareness overall = Awareness.of(total, expected(mix), rules);
          return new AwarenessReport(district, overall, overall.verdict(), total.workers(), mix, list);
        });
  }

  private double expected(@Nullable Map<WorkerType, Double> mix) {
    return mix == null ? rules.newEconomyExpected() : WorkerMixes.newEconomyShare(mix);
  }

  // --- summary ---

  /** A station in a dashboard's short lists, with what a planner could do about it. */
  public record StationRow(UUID stationId, String name, String district, int capacity, long visits,
      double visitsPerDay, double visitsPerSeatPerDay, Level level, List<String> reasons, @Nullable String action) {}

  public record DistrictRow(String district, long stations, long visits, double visitsPerDay,
      double outsideHoursShare, double newEconomyShare, Map<Level, Long> busyIdle) {}

  public record DayPoint(LocalDate day, long visits, long outsideHours, long newEconomy) {}

  /**
   * What a dashboard shows for the city (district null) or one district.
   *
   * @param stations        active stations
   * @param busiest         up to five overloaded stations, most overloaded first
   * @param idlest          up to five underused stations, least used first
   */
  public record Summary(@Nullable String district, Period period, long stations, long stationsWithVisits,
      long visits, double visitsPerDay, double outsideHoursShare, double newEconomyShare,
      Map<WorkerType, Long> workerTypes, Map<ServiceUsed, Long> services, Map<Level, Long> busyIdle,
      List<DistrictRow> districts, List<DayPoint> trend, List<StationRow> busiest, List<StationRow> idlest) {}

  public Mono<Summary> summary(@Nullable String district, Period period) {
    Filter filter = district == null ? Filter.all() : Filter.district(district);
    // The trend after the usage, not beside it: one query at a time (usage).
    return usage(district, period).zipWhen(usage -> series(filter, period, Granularity.DAY))
        .map(t -> {
          Usage usage = t.getT1();
          List<Ranked> all = new ArrayList<>();
          List<DistrictRow> districts = new ArrayList<>();
          usage.loadsByDistrict(period).forEach((name, loads) -> {
            List<Ranked> ranked = busyIdle.rank(loads);
            all.addAll(ranked);
            Tally districtTally = new Tally();
            loads.forEach(l -> districtTally.addAll(usage.tally(l.stationId())));
            districts.add(new DistrictRow(name, loads.size(), districtTally.visits(),
                (double) districtTally.visits() / period.days(), districtTally.outsideHoursShare(),
                districtTally.newEconomyShare(), levels(ranked)));
          });
          Tally total = new Tally();
          usage.counts().values().forEach(c -> total.addAll(c.tally()));
          List<StationRow> busiest = all.stream().filter(r -> r.level() == Level.OVERLOADED)
              .sorted(Comparator.comparingDouble((Ranked r) -> r.peakOccupancy()).reversed())
              .limit(5).map(UtilizationReports::row).toList();
          List<StationRow> idlest = all.stream().filter(r -> r.level() == Level.UNDERUSED)
              .sorted(Comparator.comparingDouble((Ranked r) -> r.load().visitsPerSeatPerDay()))
              .limit(5).map(UtilizationReports::row).toList();
          List<DayPoint> trend = t.getT2().stream().map(b -> new DayPoint(b.start().toLocalDate(), b.tally().visits(),
              b.tally().outsideHours(), b.tally().newEconomy())).toList();
          long withVisits = all.stream().filter(r -> r.load().visits() > 0).count();
          return new Summary(district, period, all.size(), withVisits, total.visits(),
              (double) total.visits() / period.days(), total.outsideHoursShare(), total.newEconomyShare(),
              total.workers(), total.services(), levels(all), districts, trend, busiest, idlest);
        });
  }

  private static StationRow row(Ranked r) {
    StationLoad l = r.load();
    return new StationRow(l.stationId(), l.name(), l.district(), l.capacity(), l.visits(), l.visitsPerDay(),
        l.visitsPerSeatPerDay(), r.level(), r.reasons(), r.action());
  }

  private static Map<Level, Long> levels(List<Ranked> ranked) {
    Map<Level, Long> counts = new EnumMap<>(Level.class);
    for (Level level : Level.values()) {
      counts.put(level, 0L);
    }
    ranked.forEach(r -> counts.merge(r.level(), 1L, Long::sum));
    return counts;
  }
}
