package io.yizhan.station.coverage;

import io.yizhan.station.finder.Distances;
import io.yizhan.station.registry.GeoPoint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * The arithmetic of the service circle. Lays square cells of {@code cellMeters} over the box,
 * keeps those whose centre lies in the area, marks a cell covered when an open station is within
 * {@code radiusMeters} of its centre, then finds the connected (8-neighbour) clusters of
 * uncovered cells and, for the largest, the cell where one new station would cover the most.
 *
 * <p>Work is proportional to cells plus stations × cells per circle, not cells × stations: each
 * station marks the cells around it. Distances are on a flat projection about the area's middle
 * latitude: within a city off by well under a percent, far less than the walking detour factor.
 */
public final class CoverageGrid {

  /** Beyond this the answer would not come in seconds; ask for a coarser grid or a district. */
  public static final int MAX_CELLS = 4_000_000;
  /** Candidate cells evaluated per cluster; a huge rural cluster is sampled evenly. */
  static final int MAX_CANDIDATES = 3_000;
  /** Candidate cells for a plan of new stations; on finer grids a sub-grid of them. */
  static final int MAX_PLAN_CANDIDATES = 40_000;

  private final Box box;
  private final int cellMeters;
  private final int rows;
  private final int cols;
  private final double dLat;
  private final double dLon;
  /** -1 outside the area, 0 uncovered, 1 covered. */
  private final byte[] state;
  private final double[] weight;

  /**
   * @param inArea whether a cell centre belongs to the area
   * @throws IllegalArgumentException when the grid would exceed {@link #MAX_CELLS}
   */
  public CoverageGrid(Box box, int cellMeters, Inside inArea) {
    this.box = box;
    this.cellMeters = cellMeters;
    double midLatitude = (box.minLatitude() + box.maxLatitude()) / 2;
    this.dLat = cellMeters / Distances.METERS_PER_DEGREE_LATITUDE;
    this.dLon = cellMeters / (Distances.METERS_PER_DEGREE_LATITUDE * Math.cos(Math.toRadians(midLatitude)));
    this.rows = Math.max(1, (int) Math.ceil((box.maxLatitude() - box.minLatitude()) / dLat));
    this.cols = Math.max(1, (int) Math.ceil((box.maxLongitude() - box.minLongitude()) / dLon));
    if ((long) rows * cols > MAX_CELLS) {
      throw new IllegalArgumentException("grid of " + rows + " × " + cols + " cells is too fine");
    }
    this.state = new byte[rows * cols];
    this.weight = new double[rows * cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        state[r * cols + c] = (byte) (inArea.test(latitudeOf(r), longitudeOf(c)) ? 0 : -1);
      }
    }
  }

  /** Whether a point belongs to the area; primitive, as it is asked once per cell. */
  @FunctionalInterface
  public interface Inside {
    boolean test(double latitude, double longitude);
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  /** Marks every in-area cell whose centre is within {@code radiusMeters} of the station. */
  public void cover(GeoPoint station, double radiusMeters) {
    int r0 = row(station.latitude());
    int c0 = col(station.longitude());
    int reach = (int) Math.ceil(radiusMeters / cellMeters) + 1;
    for (int r = Math.max(0, r0 - reach); r <= Math.min(rows - 1, r0 + reach); r++) {
      double dy = (latitudeOf(r) - station.latitude()) / dLat * cellMeters;
      for (int c = Math.max(0, c0 - reach); c <= Math.min(cols - 1, c0 + reach); c++) {
        double dx = (longitudeOf(c) - station.longitude()) / dLon * cellMeters;
        int i = r * cols + c;
        if (state[i] == 0 && dx * dx + dy * dy <= radiusMeters * radiusMeters) {
          state[i] = 1;
        }
      }
    }
  }

  /** Adds a demand point's weight to its cell, if the cell is in the area. */
  public void addDemand(DemandPoint p) {
    int i = cellAt(p.latitude(), p.longitude());
    if (i >= 0) {
      weight[i] += p.weight();
    }
  }

  public Totals totals() {
    int cells = 0;
    int covered = 0;
    double demand = 0;
    double coveredDemand = 0;
    for (int i = 0; i < state.length; i++) {
      if (state[i] < 0) {
        continue;
      }
      cells++;
      demand += weight[i];
      if (state[i] == 1) {
        covered++;
        coveredDemand += weight[i];
      }
    }
    return new Totals(cells, covered, demand, coveredDemand);
  }

  /** Cells in the area, covered cells and their demand. */
  public record Totals(int cells, int coveredCells, double demand, double coveredDemand) {}

  /**
   * The largest clusters of uncovered cells, largest first: by demand when {@code byDemand}
   * (clusters without demand are left out), else by area; each with the cell where one new station
   * would cover the most of what is uncovered.
   */
  public List<Gap> largestGaps(int limit, double radiusMeters, boolean byDemand) {
    int[] cluster = new int[state.length];
    List<Gap> gaps = new ArrayList<>();
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int start = 0; start < state.length; start++) {
      if (state[start] != 0 || cluster[start] != 0) {
        continue;
      }
      int id = gaps.size() + 1;
      cluster[start] = id;
      queue.add(start);
      int cells = 0;
      double sumRow = 0;
      double sumCol = 0;
      double demand = 0;
      while (!queue.isEmpty()) {
        int i = queue.poll();
        int r = i / cols;
        int c = i % cols;
        cells++;
        sumRow += r;
        sumCol += c;
        demand += weight[i];
        for (int dr = -1; dr <= 1; dr++) {
          for (int dc = -1; dc <= 1; dc++) {
            int rr = r + dr;
            int cc = c + dc;
            if (rr >= 0 && rr < rows && cc >= 0 && cc < cols) {
              int j = rr * cols + cc;
              if (state[j] == 0 && cluster[j] == 0) {
                cluster[j] = id;
                queue.add(j);
              }
            }
          }
        }
      }
      gaps.add(new Gap(id, cells, demand, sumRow / cells, sumCol / cells, 0, 0, 0, 0));
    }
    // Sites only for the clusters reported: the search is the costly part.
    List<Gap> largest = gaps.stream()
        .filter(g -> !byDemand || g.demand() > 0)
        .sorted(Comparator.comparingDouble((Gap g) -> byDemand ? g.demand() : g.cells()).reversed())
        .limit(limit)
        .toList();
    int[] offsets = circleOffsets(radiusMeters);
    List<Gap> answered = new ArrayList<>(largest.size());
    for (Gap g : largest) {
      List<Integer> members = new ArrayList<>(g.cells());
      for (int i = 0; i < cluster.length; i++) {
        if (cluster[i] == g.id()) {
          members.add(i);
        }
      }
      int site = bestSite(members, offsets, byDemand, g.centroidRow(), g.centroidCol());
      answered.add(new Gap(g.id(), g.cells(), g.demand(), g.centroidRow(), g.centroidCol(), site,
          latitudeOf(site / cols), longitudeOf(site % cols), gain(site, offsets, byDemand)));
    }
    return answered;
  }

  /**
   * An uncovered cluster.
   *
   * @param centroidRow fractional grid row of its centre of area
   * @param siteIndex   the cell chosen for a new station
   * @param wouldCover  cells (or demand, when ranked by demand) a station there would cover
   */
  public record Gap(int id, int cells, double demand, double centroidRow, double centroidCol, int siteIndex,
      double siteLatitude, double siteLongitude, double wouldCover) {}

  /**
   * Where to build the next {@code count} stations, one after another: each at the cell where a
   * station would bring the most that is still uncovered within reach (demand when
   * {@code byDemand}, else area), counting the stations placed before it as built. Unlike
   * {@link #largestGaps}, which gives one site per cluster, this splits a large gap (a rural county
   * is one) into as many sites as it takes, and says what each adds, so a district's chief can
   * build down the list as money allows. Greedy placement is the textbook answer to "cover the most
   * with N circles": within 1 − 1/e of the best set, and its order is the order of worth.
   *
   * <p>A site's gain only falls as others are placed (what they cover, it no longer adds), so
   * gains are computed once and a candidate is counted again only when it reaches the top of the
   * queue (lazy greedy): a plan costs about one pass over the candidates. Any in-area cell is a
   * candidate, covered or not, as the best place for a gap along a covered edge may lie just
   * inside it. Stops early when nothing uncovered is left to reach. The grid itself is unchanged.
   */
  public List<Site> nextSites(int count, double radiusMeters, boolean byDemand) {
    return nextSites(count, radiusMeters, byDemand, null);
  }

  /**
   * As {@link #nextSites(int, double, boolean)}, choosing only among {@code onlyAt} (cell indices,
   * such as those of candidate venues from {@link #cellAt}) when it is not null; -1 and repeats
   * are passed over.
   */
  public List<Site> nextSites(int count, double radiusMeters, boolean byDemand, int @Nullable [] onlyAt) {
    if (count == 0) {
      return List.of();
    }
    byte[] planned = state.clone();
    int[] offsets = circleOffsets(radiusMeters);
    // Among sites that add as much, the one with more of it close by: in the heart of a gap rather
    // than on its edge, beside the workers rather than a full walk from them.
    int[] near = circleOffsets(radiusMeters / 2);
    Totals before = totals();
    int coveredCells = before.coveredCells();
    double coveredDemand = before.coveredDemand();
    // By area a uniform rural gap ties everywhere a whole circle fits: then the site nearest the
    // middle of what is uncovered, where a planner would look first, not the gap's southern rim;
    // then the lower cell index, so that the same question gets the same plan.
    double[] middle = uncoveredMiddle();
    PriorityQueue<Candidate> queue = new PriorityQueue<>(Comparator.comparingDouble(Candidate::gain)
        .thenComparingDouble(Candidate::nearGain).reversed()
        .thenComparingDouble(Candidate::fromMiddle).thenComparingInt(Candidate::index));
    for (int i : onlyAt != null ? IntStream.of(onlyAt).filter(i -> i >= 0).distinct().toArray() : subGrid()) {
      if (planned[i] >= 0) {
        double gain = gain(i, offsets, byDemand, planned);
        if (gain > 0) {
          double dr = i / cols - middle[0];
          double dc = i % cols - middle[1];
          queue.add(new Candidate(i, gain, gain(i, near, byDemand, planned), dr * dr + dc * dc, 0));
        }
      }
    }
    List<Site> sites = new ArrayList<>(count);
    while (sites.size() < count && !queue.isEmpty()) {
      Candidate top = queue.poll();
      if (top.round() != sites.size()) {
        double gain = gain(top.index(), offsets, byDemand, planned);
        if (gain > 0) {
          queue.add(new Candidate(top.index(), gain, gain(top.index(), near, byDemand, planned), top.fromMiddle(),
              sites.size()));
        }
        continue;
      }
      int cells = 0;
      double demand = 0;
      for (int offset : offsets) {
        int j = shifted(top.index(), offset);
        if (j >= 0 && planned[j] == 0) {
          planned[j] = 1;
          cells++;
          demand += weight[j];
        }
      }
      coveredCells += cells;
      coveredDemand += demand;
      sites.add(new Site(sites.size() + 1, top.index(), latitudeOf(top.index() / cols), longitudeOf(top.index() % cols),
          cells, demand, coveredCells, coveredDemand));
    }
    return sites;
  }

  /**
   * A planned station, in the order to build.
   *
   * @param cell               its cell's index, as {@link #cellAt} gives
   * @param addsCells          uncovered cells it brings within reach, after the sites before it
   * @param addsDemand         their demand
   * @param coveredCellsAfter  covered cells once it and the sites before it are built
   */
  public record Site(int rank, int cell, double latitude, double longitude, int addsCells, double addsDemand,
      int coveredCellsAfter, double coveredDemandAfter) {}

  /**
   * A cell's gain and near gain as of the plan's {@code round}th site (since then, at most that),
   * and its squared distance in cells from the middle of what was uncovered.
   */
  private record Candidate(int index, double gain, double nearGain, double fromMiddle, int round) {}

  /** The centre of area, as fractional row and column, of the uncovered cells. */
  private double[] uncoveredMiddle() {
    double rowSum = 0;
    double colSum = 0;
    long count = 0;
    for (int i = 0; i < state.length; i++) {
      if (state[i] == 0) {
        rowSum += i / cols;
        colSum += i % cols;
        count++;
      }
    }
    return count == 0 ? new double[] {rows / 2.0, cols / 2.0} : new double[] {rowSum / count, colSum / count};
  }

  /** Every cell a candidate, or every k-th row and column where that would be too many. */
  private int[] subGrid() {
    long inArea = 0;
    for (byte b : state) {
      if (b >= 0) {
        inArea++;
      }
    }
    int stride = Math.max(1, (int) Math.ceil(Math.sqrt((double) inArea / MAX_PLAN_CANDIDATES)));
    IntStream.Builder cells = IntStream.builder();
    for (int r = stride / 2; r < rows; r += stride) {
      for (int c = stride / 2; c < cols; c += stride) {
        cells.add(r * cols + c);
      }
    }
    return cells.build().toArray();
  }

  /** The index of the cell a place falls in, or -1 outside the grid or the area. */
  public int cellAt(double latitude, double longitude) {
    if (!box.contains(latitude, longitude)) {
      return -1;
    }
    int i = row(latitude) * cols + col(longitude);
    return state[i] >= 0 ? i : -1;
  }

  /** The centre of area of a gap, as latitude and longitude. */
  public GeoPoint centroidOf(Gap gap) {
    return new GeoPoint(box.minLatitude() + (gap.centroidRow() + 0.5) * dLat,
        box.minLongitude() + (gap.centroidCol() + 0.5) * dLon);
  }

  /** Row-major states from the south-west corner: ' ' outside, '1' covered, '0' uncovered. */
  public String picture() {
    StringBuilder s = new StringBuilder(state.length);
    for (byte b : state) {
      s.append(b < 0 ? ' ' : b == 1 ? '1' : '0');
    }
    return s.toString();
  }

  public double originLatitude() {
    return box.minLatitude();
  }

  public double originLongitude() {
    return box.minLongitude();
  }

  public double cellLatitudeDegrees() {
    return dLat;
  }

  public double cellLongitudeDegrees() {
    return dLon;
  }

  /**
   * The member cell where a station would cover the most that is uncovered; among equals, the
   * one nearest the cluster's centre, where a planner would look first.
   */
  private int bestSite(List<Integer> members, int[] offsets, boolean byDemand, double centroidRow, double centroidCol) {
    int step = Math.max(1, members.size() / MAX_CANDIDATES);
    int best = members.get(0);
    double bestGain = -1;
    double bestDistance = Double.MAX_VALUE;
    for (int k = 0; k < members.size(); k += step) {
      int candidate = members.get(k);
      double gain = gain(candidate, offsets, byDemand);
      double dr = candidate / cols - centroidRow;
      double dc = candidate % cols - centroidCol;
      double distance = dr * dr + dc * dc;
      if (gain > bestGain || (gain == bestGain && distance < bestDistance)) {
        bestGain = gain;
        bestDistance = distance;
        best = candidate;
      }
    }
    return best;
  }

  /** Uncovered cells (or their demand) within reach of a station at {@code site}. */
  private double gain(int site, int[] offsets, boolean byDemand) {
    return gain(site, offsets, byDemand, state);
  }

  private double gain(int site, int[] offsets, boolean byDemand, byte[] states) {
    double gain = 0;
    for (int offset : offsets) {
      int j = shifted(site, offset);
      if (j >= 0 && states[j] == 0) {
        gain += byDemand ? weight[j] : 1;
      }
    }
    return gain;
  }

  /** Cell offsets (packed row and column) whose centres lie within the radius of a cell's centre. */
  private int[] circleOffsets(double radiusMeters) {
    int reach = (int) Math.floor(radiusMeters / cellMeters);
    List<Integer> offsets = new ArrayList<>();
    for (int dr = -reach; dr <= reach; dr++) {
      for (int dc = -reach; dc <= reach; dc++) {
        if ((double) (dr * dr + dc * dc) * cellMeters * cellMeters <= radiusMeters * radiusMeters) {
          offsets.add(pack(dr, dc));
        }
      }
    }
    return offsets.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int pack(int dr, int dc) {
    return (dr << 16) | (dc & 0xFFFF);
  }

  /** The cell at a packed offset from {@code index}, or -1 off the grid. */
  private int shifted(int index, int offset) {
    int dr = offset >> 16;
    int dc = (short) (offset & 0xFFFF);
    int r = index / cols + dr;
    int c = index % cols + dc;
    return r < 0 || r >= rows || c < 0 || c >= cols ? -1 : r * cols + c;
  }

  private double latitudeOf(int row) {
    return box.minLatitude() + (row + 0.5) * dLat;
  }

  private double longitudeOf(int col) {
    return box.minLongitude() + (col + 0.5) * dLon;
  }

  private int row(double latitude) {
    return clamp((int) Math.floor((latitude - box.minLatitude()) / dLat), rows);
  }

  private int col(double longitude) {
    return clamp((int) Math.floor((longitude - box.minLongitude()) / dLon), cols);
  }

  private static int clamp(int i, int n) {
    return Math.max(0, Math.min(n - 1, i));
  }
}
