package io.yizhan.station.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.yizhan.station.finder.Distances;
import io.yizhan.station.registry.GeoPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageGridTest {

  /** About 5.6 km × 4.6 km around Xi'an's Bell Tower. */
  static final Box SQUARE = new Box(34.24, 108.92, 34.29, 108.97);
  static final double RADIUS = 923;

  @Test
  void one_station_covers_a_circle_of_cells() {
    CoverageGrid grid = new CoverageGrid(SQUARE, 100, (lat, lon) -> true);
    grid.cover(new GeoPoint(34.265, 108.945), RADIUS);

    CoverageGrid.Totals totals = grid.totals();
    double circleCells = Math.PI * RADIUS * RADIUS / (100 * 100);
    assertThat((double) totals.coveredCells()).isCloseTo(circleCells, within(circleCells * 0.05));
    assertThat(totals.cells()).isEqualTo(grid.rows() * grid.cols());
  }

  @Test
  void cells_outside_the_area_are_neither_counted_nor_covered() {
    // Only the western half belongs to the district.
    CoverageGrid grid = new CoverageGrid(SQUARE, 250, (lat, lon) -> lon < 108.945);
    grid.cover(new GeoPoint(34.265, 108.945), RADIUS);

    CoverageGrid.Totals half = grid.totals();
    assertThat(half.cells()).isBetween(grid.rows() * grid.cols() / 2 - grid.rows(), grid.rows() * grid.cols() / 2 + grid.rows());
    CoverageGrid whole = new CoverageGrid(SQUARE, 250, (lat, lon) -> true);
    whole.cover(new GeoPoint(34.265, 108.945), RADIUS);
    assertThat(half.coveredCells()).isLessThan(whole.totals().coveredCells());
  }

  @Test
  void the_largest_gap_is_where_no_station_reaches_and_its_site_lies_inside_it() {
    CoverageGrid grid = new CoverageGrid(SQUARE, 250, (lat, lon) -> true);
    // Stations along the western edge only: the east is one big gap.
    for (double lat = 34.24; lat <= 34.29; lat += 0.01) {
      grid.cover(new GeoPoint(lat, 108.925), RADIUS);
    }

    List<CoverageGrid.Gap> gaps = grid.largestGaps(3, RADIUS, false);

    assertThat(gaps).isNotEmpty();
    CoverageGrid.Gap largest = gaps.get(0);
    assertThat(largest.siteLongitude()).isGreaterThan(108.935);
    assertThat(largest.wouldCover()).isGreaterThan(30);
    assertThat(largest.cells()).isGreaterThan(grid.totals().cells() / 2);
  }

  @Test
  void weighted_by_demand_a_small_busy_gap_outranks_a_large_empty_one() {
    CoverageGrid grid = new CoverageGrid(SQUARE, 250, (lat, lon) -> true);
    // A ring of stations leaves a pocket in the middle of the west and the whole east open.
    grid.cover(new GeoPoint(34.255, 108.93), RADIUS);
    grid.cover(new GeoPoint(34.275, 108.93), RADIUS);
    grid.cover(new GeoPoint(34.265, 108.92), RADIUS);
    grid.cover(new GeoPoint(34.265, 108.945), RADIUS);
    grid.addDemand(new DemandPoint(34.288, 108.968, 5, "东北角的空地"));
    grid.addDemand(new DemandPoint(34.241, 108.921, 50, "物流园"));
    grid.addDemand(new DemandPoint(34.2405, 108.9215, 50, "环卫所"));

    List<CoverageGrid.Gap> byDemand = grid.largestGaps(5, RADIUS, true);
    CoverageGrid.Totals totals = grid.totals();

    assertThat(totals.demand()).isEqualTo(105);
    assertThat(byDemand.get(0).demand()).isGreaterThanOrEqualTo(100);
    assertThat(byDemand).allSatisfy(g -> assertThat(g.demand()).isPositive());
  }

  @Test
  void a_plan_splits_one_large_gap_into_stations_that_do_not_overlap() {
    CoverageGrid grid = new CoverageGrid(SQUARE, 100, (lat, lon) -> true);
    for (double lat = 34.24; lat <= 34.29; lat += 0.01) {
      grid.cover(new GeoPoint(lat, 108.925), RADIUS);
    }
    CoverageGrid.Totals before = grid.totals();
    double circleCells = Math.PI * RADIUS * RADIUS / (100 * 100);

    List<CoverageGrid.Site> plan = grid.nextSites(4, RADIUS, false);

    // The east is one cluster, so one site by the gaps' list; the plan puts several there.
    assertThat(grid.largestGaps(5, RADIUS, false)).hasSize(1);
    assertThat(plan).hasSize(4).allSatisfy(site -> assertThat(site.longitude()).isGreaterThan(108.935));
    assertThat(plan).extracting(CoverageGrid.Site::rank).containsExactly(1, 2, 3, 4);
    // The first two fit whole circles in the open east, so they lie at least two radii apart.
    assertThat((double) plan.get(0).addsCells()).isCloseTo(circleCells, within(circleCells * 0.05));
    assertThat((double) plan.get(1).addsCells()).isCloseTo(circleCells, within(circleCells * 0.05));
    assertThat(metres(plan.get(0), plan.get(1))).isGreaterThan(2 * RADIUS - 150);
    // Each adds no more than the one before it (greedy), and the running total adds up.
    for (int k = 1; k < plan.size(); k++) {
      assertThat(plan.get(k).addsCells()).isLessThanOrEqualTo(plan.get(k - 1).addsCells());
      assertThat(plan.get(k).coveredCellsAfter()).isEqualTo(plan.get(k - 1).coveredCellsAfter() + plan.get(k).addsCells());
    }
    assertThat(plan.get(0).coveredCellsAfter()).isEqualTo(before.coveredCells() + plan.get(0).addsCells());
    // Planning draws nothing on the grid itself.
    assertThat(grid.totals()).isEqualTo(before);
  }

  @Test
  void weighted_by_demand_the_plan_goes_where_workers_are_and_stops_when_all_are_reached() {
    CoverageGrid grid = new CoverageGrid(SQUARE, 100, (lat, lon) -> true);
    grid.addDemand(new DemandPoint(34.245, 108.925, 10, "西南的环卫所"));
    grid.addDemand(new DemandPoint(34.285, 108.965, 50, "东北的物流园"));
    grid.addDemand(new DemandPoint(34.285, 108.925, 30, "西北的外卖站"));
    grid.addDemand(new DemandPoint(34.2855, 108.9255, 5, "西北的出租车停靠点"));

    List<CoverageGrid.Site> plan = grid.nextSites(10, RADIUS, true);

    assertThat(plan).hasSize(3);
    assertThat(plan).extracting(CoverageGrid.Site::addsDemand).containsExactly(50.0, 35.0, 10.0);
    // Where the workers are, not at the edge of a walk from them.
    assertThat(Distances.meters(plan.get(0).latitude(), plan.get(0).longitude(), 34.285, 108.965)).isLessThan(RADIUS / 2);
    assertThat(plan.get(2).coveredDemandAfter()).isEqualTo(95.0);
  }

  @Test
  void a_plan_counts_the_stations_already_there() {
    CoverageGrid grid = new CoverageGrid(SQUARE, 100, (lat, lon) -> true);
    grid.cover(new GeoPoint(34.285, 108.965), RADIUS);
    grid.addDemand(new DemandPoint(34.285, 108.965, 50, "物流园，已有站点"));
    grid.addDemand(new DemandPoint(34.245, 108.925, 10, "环卫所"));

    List<CoverageGrid.Site> plan = grid.nextSites(3, RADIUS, true);

    assertThat(plan).singleElement().satisfies(site -> {
      assertThat(site.addsDemand()).isEqualTo(10.0);
      assertThat(site.coveredDemandAfter()).isEqualTo(60.0);
    });
  }

  @Test
  void among_given_places_the_plan_takes_the_one_that_reaches_the_workers_and_only_those() {
    CoverageGrid grid = new CoverageGrid(SQUARE, 100, (lat, lon) -> true);
    grid.addDemand(new DemandPoint(34.285, 108.965, 50, "物流园"));
    int mall = grid.cellAt(34.245, 108.925);
    int parcelPost = grid.cellAt(34.280, 108.960);
    int outside = grid.cellAt(35.0, 108.95);

    List<CoverageGrid.Site> plan = grid.nextSites(3, RADIUS, true, new int[] {mall, outside, parcelPost, parcelPost});

    assertThat(outside).isEqualTo(-1);
    // The mall reaches no worker, so the plan ends after the parcel post, which reaches them all.
    assertThat(plan).singleElement().satisfies(site -> {
      assertThat(site.cell()).isEqualTo(parcelPost);
      assertThat(site.addsDemand()).isEqualTo(50.0);
    });
    // By area the mall is worth a station too, after the parcel post's circle: nothing else is asked.
    assertThat(grid.nextSites(3, RADIUS, false, new int[] {mall, parcelPost}))
        .extracting(CoverageGrid.Site::cell).containsExactlyInAnyOrder(mall, parcelPost);
  }

  private static double metres(CoverageGrid.Site a, CoverageGrid.Site b) {
    return Distances.meters(a.latitude(), a.longitude(), b.latitude(), b.longitude());
  }

  @Test
  void a_grid_too_fine_for_its_area_is_refused() {
    assertThatThrownBy(() -> new CoverageGrid(new Box(33.7, 107.6, 34.8, 109.8), 50, (lat, lon) -> true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_boundary_contains_what_is_inside_it() {
    PlanningArea triangle = new PlanningArea("测试区", List.of(
        new GeoPoint(34.0, 108.0), new GeoPoint(34.0, 109.0), new GeoPoint(35.0, 108.5), new GeoPoint(34.0, 108.0)));
    assertThat(triangle.contains(34.2, 108.5)).isTrue();
    assertThat(triangle.contains(34.9, 108.1)).isFalse();
    assertThat(triangle.box()).isEqualTo(new Box(34.0, 108.0, 35.0, 109.0));
  }
}
