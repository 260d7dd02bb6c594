package io.yizhan.station.coverage;

import io.yizhan.station.registry.GeoPoint;
import java.util.List;

/**
 * The boundary of a district or development zone as planners draw it: one outer ring of WGS-84
 * points, without holes or separate parts (enough for Xi'an's districts). Boundaries are data
 * the union uploads, not guessed by the platform.
 */
public record PlanningArea(String district, List<GeoPoint> ring, Box box) {

  public PlanningArea(String district, List<GeoPoint> ring) {
    this(district, ring, boxAround(ring));
  }

  public PlanningArea {
    ring = List.copyOf(ring);
    if (ring.size() < 3) {
      throw new IllegalArgumentException("a boundary needs at least three points");
    }
  }

  /** Whether a point lies inside the ring (even–odd rule; points on the edge may go either way). */
  public boolean contains(double latitude, double longitude) {
    if (!box.contains(latitude, longitude)) {
      return false;
    }
    boolean inside = false;
    for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
      GeoPoint a = ring.get(i);
      GeoPoint b = ring.get(j);
      if ((a.latitude() > latitude) != (b.latitude() > latitude)
          && longitude < (b.longitude() - a.longitude()) * (latitude - a.latitude()) / (b.latitude() - a.latitude())
              + a.longitude()) {
        inside = !inside;
      }
    }
    return inside;
  }

  private static Box boxAround(List<GeoPoint> ring) {
    Box box = Box.around(ring.get(0));
    for (GeoPoint p : ring) {
      box = box.including(p.latitude(), p.longitude());
    }
    return box;
  }
}
