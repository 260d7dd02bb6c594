package io.yizhan.station.finder;

import io.yizhan.contracts.station.StationStatus;
import io.yizhan.station.registry.Station;
import io.yizhan.station.registry.StationId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The active stations on a grid of cells about a kilometre wide, for nearest-station questions
 * in microseconds, each kept as a compact {@link FinderEntry}. Safe for concurrent reads and writes: each cell holds an immutable list that
 * a write replaces. Stations that are not active are not in it: the finder never sends a worker
 * to a closed-down station.
 */
public class StationIndex {

  /** Cell size in degrees: 0.01° is 1.1 km north–south, 0.9 km east–west at Xi'an. */
  static final double CELL_DEGREES = 0.01;
  /** Cells scanned at most for one query; bounds the work of a very wide radius. */
  static final int MAX_CELLS = 10_000;

  private final Map<Long, List<FinderEntry>> cells = new ConcurrentHashMap<>();
  private final Interner interner = new Interner();
  private final Map<StationId, Long> cellOf = new ConcurrentHashMap<>();

  /** Adds, moves or replaces a station; one that is no longer active is removed. */
  public synchronized void put(Station station) {
    remove(station.id());
    if (station.status() != StationStatus.ACTIVE) {
      return;
    }
    FinderEntry entry = FinderEntry.of(station, interner);
    long cell = cell(entry.latitude(), entry.longitude());
    cells.compute(cell, (key, list) -> {
      List<FinderEntry> updated = list == null ? new ArrayList<>() : new ArrayList<>(list);
      updated.add(entry);
      return List.copyOf(updated);
    });
    cellOf.put(station.id(), cell);
  }

  public synchronized void remove(StationId id) {
    Long cell = cellOf.remove(id);
    if (cell != null) {
      cells.computeIfPresent(cell, (key, list) -> {
        List<FinderEntry> updated = list.stream().filter(e -> !e.id().equals(id)).toList();
        return updated.isEmpty() ? null : updated;
      });
    }
  }

  public int size() {
    return cellOf.size();
  }

  /** The nearest stations matching the query, nearest first. */
  public List<Nearby> nearby(NearbyQuery q) {
    double latSpan = q.radiusMeters() / Distances.METERS_PER_DEGREE_LATITUDE;
    double lonSpan = q.radiusMeters()
        / (Distances.METERS_PER_DEGREE_LATITUDE * Math.max(0.01, Math.cos(Math.toRadians(q.latitude()))));
    long rowFrom = index(q.latitude() - latSpan);
    long rowTo = index(q.latitude() + latSpan);
    long colFrom = index(q.longitude() - lonSpan);
    long colTo = index(q.longitude() + lonSpan);
    if ((rowTo - rowFrom + 1) * (colTo - colFrom + 1) > MAX_CELLS) {
      throw new IllegalArgumentException("radius too wide for the index");
    }
    // Distance first, cheap; opening state (which walks the calendar) only for the nearest few.
    List<Candidate> candidates = new ArrayList<>();
    for (long row = rowFrom; row <= rowTo; row++) {
      for (long col = colFrom; col <= colTo; col++) {
        List<FinderEntry> entries = cells.get(key(row, col));
        if (entries == null) {
          continue;
        }
        for (FinderEntry e : entries) {
          double meters = Distances.meters(q.latitude(), q.longitude(), e.latitude(), e.longitude());
          if (meters <= q.radiusMeters() && matches(e, q)) {
            candidates.add(new Candidate(e, meters));
          }
        }
      }
    }
    candidates.sort(Comparator.comparingDouble(Candidate::meters));
    List<Nearby> found = new ArrayList<>(q.limit());
    for (Candidate c : candidates) {
      var state = c.entry().hours().stateAt(q.at());
      if (q.openNow() && !state.open()) {
        continue;
      }
      found.add(new Nearby(c.entry(), (int) Math.round(c.meters()), Distances.walkingMinutes(c.meters()), state));
      if (found.size() == q.limit()) {
        break;
      }
    }
    return found;
  }

  /** Every station in the rectangle, in no particular order: for city-wide questions such as coverage. */
  public List<FinderEntry> inBox(double minLatitude, double minLongitude, double maxLatitude, double maxLongitude) {
    List<FinderEntry> found = new ArrayList<>();
    long rowFrom = index(minLatitude);
    long rowTo = index(maxLatitude);
    long colFrom = index(minLongitude);
    long colTo = index(maxLongitude);
    if ((rowTo - rowFrom + 1) * (colTo - colFrom + 1) > 100 * MAX_CELLS) {
      throw new IllegalArgumentException("box too wide for the index");
    }
    for (long row = rowFrom; row <= rowTo; row++) {
      for (long col = colFrom; col <= colTo; col++) {
        for (FinderEntry e : cells.getOrDefault(key(row, col), List.of())) {
          if (e.latitude() >= minLatitude && e.latitude() <= maxLatitude
              && e.longitude() >= minLongitude && e.longitude() <= maxLongitude) {
            found.add(e);
          }
        }
      }
    }
    return found;
  }

  /** Every station in the index; for a box around all of them. */
  public List<FinderEntry> all() {
    List<FinderEntry> all = new ArrayList<>(size());
    cells.values().forEach(all::addAll);
    return all;
  }

  private record Candidate(FinderEntry entry, double meters) {}

  private static boolean matches(FinderEntry e, NearbyQuery q) {
    return (q.kind() == null || e.kind() == q.kind()) && e.amenities().containsAll(q.amenities());
  }

  private static long cell(double latitude, double longitude) {
    return key(index(latitude), index(longitude));
  }

  private static long index(double degrees) {
    return (long) Math.floor(degrees / CELL_DEGREES);
  }

  private static long key(long row, long col) {
    return row * 100_000L + col;
  }
}
