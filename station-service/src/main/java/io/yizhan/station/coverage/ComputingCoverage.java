package io.yizhan.station.coverage;

import io.yizhan.station.coverage.CoverageReport.Extent;
import io.yizhan.station.coverage.CoverageReport.GapView;
import io.yizhan.station.coverage.CoverageReport.GridView;
import io.yizhan.station.coverage.CoverageReport.Point;
import io.yizhan.station.coverage.CoverageReport.SiteView;
import io.yizhan.station.coverage.CoverageReport.VenueView;
import io.yizhan.station.finder.Distances;
import io.yizhan.station.finder.FinderEntry;
import io.yizhan.station.finder.StationIndex;
import io.yizhan.station.registry.GeoPoint;
import io.yizhan.station.registry.Station;
import io.yizhan.station.registry.StationId;
import io.yizhan.station.registry.Stations;
import io.yizhan.station.standings.Standings;
import io.yizhan.support.problem.InvalidRequestException;
import io.yizhan.support.problem.InvalidRequestException.FieldProblem;
import io.yizhan.support.problem.NotFoundException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Answers a planner's coverage question from the finder's in-memory index (the stations open at
 * the hour asked) and the uploaded boundaries and demand points. Walking reach is the finder's:
 * {@link Distances#walkableMeters}, so "15 minutes" means the same on both.
 */
public class ComputingCoverage {

  /** A district's stations, read to draw a rectangle when it has no boundary. */
  static final int MAX_DISTRICT_STATIONS = 100_000;
  /** A plan longer than a district's few years of building is not a plan. */
  static final int MAX_PLANNED_SITES = 50;

  private final PlanningAreas areas;
  private final StationIndex index;
  private final Stations stations;
  private final Standings standings;

  public ComputingCoverage(PlanningAreas areas, StationIndex index, Stations stations, Standings standings) {
    this.areas = areas;
    this.index = index;
    this.stations = stations;
    this.standings = standings;
  }

  /**
   * What a planner asks.
   *
   * @param gaps  how many of the largest uncovered clusters to list, each with one site
   * @param sites how many new stations to plan, in the order to build them
   * @param venuesOnly plan them only at the uploaded candidate venues
   * @param withoutOverloaded count no one as served by a station whose latest standing is
   *                          overloaded: it has no room for more, so the gaps and the plan show
   *                          where a station beside it would take its overflow
   */
  public record Question(@Nullable String district, int minutes, ZonedDateTime at, int cellMeters, boolean weighted,
      int gaps, int sites, boolean venuesOnly, boolean withoutOverloaded, boolean picture) {}

  public Mono<CoverageReport> compute(Question q) {
    return Mono.defer(() -> {
      check(q);
      double radius = Distances.walkableMeters(q.minutes());
      Mono<List<PlanningArea>> boundaries = areas.areas()
          .filter(a -> q.district() == null || a.district().equals(q.district()))
          .collectList();
      Mono<List<DemandPoint>> demand = q.weighted() ? areas.demand(q.district()).collectList() : Mono.just(List.of());
      Mono<List<Venue>> venues = q.venuesOnly() && q.sites() > 0
          ? areas.venues(q.district()).collectList() : Mono.just(List.of());
      Mono<Set<StationId>> overloaded = q.withoutOverloaded()
          ? standings.overloaded().collect(Collectors.toSet()) : Mono.just(Set.of());
      return Mono.zip(boundaries, demand, venues, overloaded).flatMap(found -> extent(q, found.getT1(), radius)
          // The grid is CPU work of up to a second or two: off the event loop.
          .publishOn(Schedulers.boundedElastic())
          .map(extent -> grid(q, extent, found.getT2(), found.getT3(), found.getT4(), radius)));
    });
  }

  private record Area(Box box, List<PlanningArea> boundaries, Extent source) {
    boolean contains(double latitude, double longitude) {
      if (source == Extent.STATIONS) {
        return true;
      }
      for (PlanningArea a : boundaries) {
        if (a.contains(latitude, longitude)) {
          return true;
        }
      }
      return false;
    }
  }

  private Mono<Area> extent(Question q, List<PlanningArea> boundaries, double radius) {
    if (!boundaries.isEmpty()) {
      Box box = boundaries.get(0).box();
      for (PlanningArea a : boundaries) {
        box = box.including(a.box());
      }
      return Mono.just(new Area(box, boundaries, Extent.BOUNDARY));
    }
    Mono<List<GeoPoint>> points = q.district() == null
        ? Mono.fromSupplier(() -> index.all().stream().map(e -> new GeoPoint(e.latitude(), e.longitude())).toList())
        : stations.inDistrict(q.district(), MAX_DISTRICT_STATIONS).map(Station::location).collectList();
    return points.map(found -> {
      if (found.isEmpty()) {
        throw new NotFoundException(q.district() == null
            ? "尚无站点，也未上传区域边界，无法计算覆盖率。"
            : "未找到「" + q.district() + "」的站点或区域边界，请核对区县名称，或先上传边界"
            + "（覆盖图页的“规划资料”，或 PUT /api/coverage/areas/{区县}）。");
      }
      Box box = Box.around(found.get(0));
      for (GeoPoint p : found) {
        box = box.including(p.latitude(), p.longitude());
      }
      return new Area(box.grownBy(radius), List.of(), Extent.STATIONS);
    });
  }

  private CoverageReport grid(Question q, Area area, List<DemandPoint> demand, List<Venue> venues,
      Set<StationId> overloaded, double radius) {
    long started = System.nanoTime();
    if (q.weighted() && demand.isEmpty()) {
      throw new InvalidRequestException("weighted",
          "该区域尚未上传需求点，无法按需求加权：请先上传（覆盖图页的“规划资料”，或 PUT /api/coverage/demand?district=…），"
              + "或不按需求加权（weighted=false）");
    }
    boolean amongVenues = q.venuesOnly() && q.sites() > 0;
    if (amongVenues && venues.isEmpty()) {
      throw new InvalidRequestException("venuesOnly",
          "该区域尚未上传候选场所，无法只在其中选址：请先上传（覆盖图页的“规划资料”，或 PUT /api/coverage/venues?district=…），"
              + "或不限于候选场所（venuesOnly=false）");
    }
    CoverageGrid grid;
    try {
      grid = new CoverageGrid(area.box(), q.cellMeters(), area::contains);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("cellMeters", "网格太细，计算量过大：请加大 cellMeters 或指定区县");
    }
    Box reach = area.box().grownBy(radius);
    int open = 0;
    int leftOut = 0;
    for (FinderEntry e : index.inBox(reach.minLatitude(), reach.minLongitude(), reach.maxLatitude(), reach.maxLongitude())) {
      if (!e.hours().stateAt(q.at()).open()) {
        continue;
      }
      open++;
      if (overloaded.contains(e.id())) {
        leftOut++;
      } else {
        grid.cover(new GeoPoint(e.latitude(), e.longitude()), radius);
      }
    }
    demand.forEach(grid::addDemand);
    CoverageGrid.Totals totals = grid.totals();
    double cellKm2 = q.cellMeters() * (double) q.cellMeters() / 1_000_000;
    List<GapView> gaps = new ArrayList<>();
    for (CoverageGrid.Gap g : grid.largestGaps(q.gaps(), radius, q.weighted())) {
      GeoPoint centre = grid.centroidOf(g);
      gaps.add(new GapView(gaps.size() + 1, g.cells(), round(g.cells() * cellKm2), q.weighted() ? round(g.demand()) : null,
          new Point(round6(centre.latitude()), round6(centre.longitude())),
          new Point(round6(g.siteLatitude()), round6(g.siteLongitude())), round(g.wouldCover())));
    }
    // A cell's first venue stands for the cell: the plan's arithmetic is per cell.
    Map<Integer, Venue> venueAt = new HashMap<>();
    int venuesInArea = 0;
    for (Venue v : venues) {
      int cell = grid.cellAt(v.latitude(), v.longitude());
      if (cell >= 0) {
        venuesInArea++;
        venueAt.putIfAbsent(cell, v);
      }
    }
    int[] onlyAt = amongVenues ? venueAt.keySet().stream().mapToInt(Integer::intValue).sorted().toArray() : null;
    List<SiteView> plan = new ArrayList<>();
    for (CoverageGrid.Site s : grid.nextSites(q.sites(), radius, q.weighted(), onlyAt)) {
      Venue v = amongVenues ? venueAt.get(s.cell()) : null;
      plan.add(new SiteView(s.rank(),
          v == null ? new Point(round6(s.latitude()), round6(s.longitude())) : new Point(v.latitude(), v.longitude()),
          v == null ? null : new VenueView(v.name(), v.kind(), v.kind().label()),
          round(s.addsCells() * cellKm2),
          q.weighted() ? round(s.addsDemand()) : null,
          round4((double) s.coveredCellsAfter() / totals.cells()),
          q.weighted() ? round4(s.coveredDemandAfter() / totals.demand()) : null));
    }
    GridView picture = q.picture()
        ? new GridView(grid.originLatitude(), grid.originLongitude(), grid.cellLatitudeDegrees(),
            grid.cellLongitudeDegrees(), grid.rows(), grid.cols(), grid.picture())
        : null;
    boolean weighted = q.weighted();
    return new CoverageReport(
        q.district() == null ? "全市" : q.district(), q.minutes(), (int) Math.round(radius), q.at(), q.cellMeters(),
        area.source(),
        area.source() == Extent.BOUNDARY
            ? "按已上传的区域边界计算"
            : "未上传区域边界：按站点分布范围（外扩步行半径）估算，站点稀少的边远地带不在其内，覆盖率偏高",
        open, q.withoutOverloaded() ? leftOut : null, totals.cells(), totals.coveredCells(),
        totals.cells() == 0 ? 0 : round4((double) totals.coveredCells() / totals.cells()),
        weighted ? round(totals.demand()) : null,
        weighted ? round(totals.coveredDemand()) : null,
        weighted ? (totals.demand() == 0 ? 0 : round4(totals.coveredDemand() / totals.demand())) : null,
        gaps, plan, amongVenues ? venuesInArea : null, picture, (System.nanoTime() - started) / 1_000_000);
  }

  private static void check(Question q) {
    List<FieldProblem> problems = new ArrayList<>();
    if (q.minutes() < 1 || q.minutes() > 60) {
      problems.add(new FieldProblem("minutes", "步行分钟数应在 1 到 60 之间，常用 15"));
    }
    if (q.cellMeters() < 50 || q.cellMeters() > 5_000) {
      problems.add(new FieldProblem("cellMeters", "网格边长应在 50 到 5000 米之间，常用 250"));
    }
    if (q.gaps() < 0 || q.gaps() > 100) {
      problems.add(new FieldProblem("gaps", "候选空白区数量应在 0 到 100 之间"));
    }
    if (q.sites() < 0 || q.sites() > MAX_PLANNED_SITES) {
      problems.add(new FieldProblem("sites", "规划新站数量应在 0 到 " + MAX_PLANNED_SITES + " 之间"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("覆盖率查询参数有误。", problems);
    }
  }

  private static double round(double x) {
    return Math.round(x * 100) / 100.0;
  }

  private static double round4(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }

  private static double round6(double x) {
    return Math.round(x * 1_000_000) / 1_000_000.0;
  }
}
