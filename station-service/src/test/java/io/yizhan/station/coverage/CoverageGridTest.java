package io.yizhan.station.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
