package io.yizhan.station.coverage;

import java.time.ZonedDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer to "how much of the district is within N minutes of an open station".
 *
 * @param extent           where the grid's boundary came from
 * @param openStations     stations open at the hour asked, within reach of the area
 * @param overloadedLeftOut of those, the overloaded ones not counted as serving anyone; null
 *                         unless asked to leave them out
 * @param coveredShare     covered cells / cells in the area
 * @param coveredDemandShare covered demand / all demand; null unless weighted by demand
 * @param gaps             the largest uncovered clusters, largest first, each with a suggested site
 * @param nextSites        where to build the next stations, in order, each counting those before it
 * @param candidateVenues  how many uploaded venues lie in the area, when the plan was to choose among them
 * @param grid             the cells, for drawing; null unless asked for
 */
public record CoverageReport(
    String district,
    int minutes,
    int radiusMeters,
    ZonedDateTime at,
    int cellMeters,
    Extent extent,
    String extentNote,
    int openStations,
    @Nullable Integer overloadedLeftOut,
    int cells,
    int coveredCells,
    double coveredShare,
    @Nullable Double demand,
    @Nullable Double coveredDemand,
    @Nullable Double coveredDemandShare,
    List<GapView> gaps,
    List<SiteView> nextSites,
    @Nullable Integer candidateVenues,
    @Nullable GridView grid,
    long computeMillis) {

  public enum Extent {
    /** The district's (or every district's) uploaded boundary. */
    BOUNDARY,
    /** No boundary uploaded: the rectangle around the stations, widened by the walking radius. */
    STATIONS
  }

  /**
   * @param demand     the cluster's demand; null unless weighted
   * @param wouldCover cells (or demand, when weighted) one new station at the suggested site would
   *                   bring within reach
   */
  public record GapView(int rank, int cells, double areaKm2, @Nullable Double demand, Point centroid, Point suggestedSite,
      double wouldCover) {}

  /**
   * A station of the plan: what it adds once those before it are built, and the coverage then.
   *
   * @param addsDemand              null unless weighted
   * @param coveredDemandShareAfter null unless weighted
   */
  public record SiteView(int rank, Point site, @Nullable VenueView venue, double addsKm2, @Nullable Double addsDemand,
      double coveredShareAfter, @Nullable Double coveredDemandShareAfter) {}

  /** The candidate venue a planned station would be in, when the plan chose among them. */
  public record VenueView(String name, Venue.Kind kind, String kindLabel) {}

  public record Point(double latitude, double longitude) {}

  /**
   * @param cells row-major from the south-west corner, one character per cell: ' ' outside the
   *              area, '1' covered, '0' uncovered
   */
  public record GridView(double originLatitude, double originLongitude, double cellLatitudeDegrees,
      double cellLongitudeDegrees, int rows, int cols, String cells) {}
}
