package io.yizhan.loadgen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A demo district's outline: a circle of 1.5 × its spread about its centre, cut where another
 * district's centre is nearer (the Voronoi cells of the centres). Real districts do not overlap,
 * and with circles alone the centre's districts lay over one another, so a gap or a planned
 * station on the map took the name of whichever circle came first. The stations, demand points
 * and venues of a district are placed inside its outline.
 */
final class Outline {

  private static final int POINTS = 64;
  private static final double KM_PER_DEGREE = 111.32;

  private final District district;
  /** [east, north] km from the centre, counter-clockwise from east. */
  private final double[][] ring = new double[POINTS][];

  private Outline(District district, List<District> city) {
    this.district = district;
    for (int i = 0; i < POINTS; i++) {
      double angle = 2 * Math.PI * i / POINTS;
      double east = Math.cos(angle);
      double north = Math.sin(angle);
      double reach = district.spreadKm() * 1.5;
      for (District other : city) {
        double[] toOther = kmFromCentre(other.latitude(), other.longitude());
        double along = east * toOther[0] + north * toOther[1];
        if (!other.name().equals(district.name()) && along > 0) {
          // Where this ray crosses the perpendicular bisector of the two centres.
          reach = Math.min(reach, (toOther[0] * toOther[0] + toOther[1] * toOther[1]) / (2 * along));
        }
      }
      ring[i] = new double[] {east * reach, north * reach};
    }
  }

  District district() {
    return district;
  }

  /** Every district's outline, by name. */
  static Map<String, Outline> of(List<District> city) {
    Map<String, Outline> outlines = new LinkedHashMap<>();
    city.forEach(d -> outlines.put(d.name(), new Outline(d, city)));
    return outlines;
  }

  /** The ring as GeoJSON wants it: [longitude, latitude] pairs, closed. */
  List<List<Double>> lonLatRing() {
    List<List<Double>> lonLat = new ArrayList<>(POINTS + 1);
    for (int i = 0; i <= POINTS; i++) {
      double[] p = ring[i % POINTS];
      lonLat.add(List.of(longitudeAt(p[0]), latitudeAt(p[1])));
    }
    return lonLat;
  }

  /**
   * A place about the centre, Gaussian with {@code sdKm} each way, drawn again until it falls
   * inside the outline: {latitude, longitude}.
   */
  double[] placeNear(Random random, double sdKm) {
    for (int attempt = 0; attempt < 1_000; attempt++) {
      double north = random.nextGaussian() * sdKm;
      double east = random.nextGaussian() * sdKm;
      if (encloses(east, north)) {
        return new double[] {latitudeAt(north), longitudeAt(east)};
      }
    }
    return new double[] {latitudeAt(0), longitudeAt(0)};
  }

  /** Whether [east, north] km from the centre lies inside the ring (ray casting). */
  boolean encloses(double east, double north) {
    boolean inside = false;
    for (int i = 0, j = POINTS - 1; i < POINTS; j = i++) {
      double[] a = ring[i];
      double[] b = ring[j];
      if ((a[1] > north) != (b[1] > north) && east < (b[0] - a[0]) * (north - a[1]) / (b[1] - a[1]) + a[0]) {
        inside = !inside;
      }
    }
    return inside;
  }

  /** Where a place lies from the centre, {east, north} km (flat: a city is small beside the earth). */
  double[] kmFromCentre(double latitude, double longitude) {
    return new double[] {
        (longitude - district.longitude()) * KM_PER_DEGREE * Math.cos(Math.toRadians(district.latitude())),
        (latitude - district.latitude()) * KM_PER_DEGREE};
  }

  private double latitudeAt(double northKm) {
    return round(district.latitude() + northKm / KM_PER_DEGREE);
  }

  private double longitudeAt(double eastKm) {
    return round(district.longitude() + eastKm / (KM_PER_DEGREE * Math.cos(Math.toRadians(district.latitude()))));
  }

  private static double round(double degrees) {
    return Math.round(degrees * 1_000_000) / 1_000_000.0;
  }
}
