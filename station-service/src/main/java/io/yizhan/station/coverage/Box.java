package io.yizhan.station.coverage;

import io.yizhan.station.finder.Distances;
import io.yizhan.station.registry.GeoPoint;

/** A latitude–longitude rectangle. */
public record Box(double minLatitude, double minLongitude, double maxLatitude, double maxLongitude) {

  static Box around(GeoPoint p) {
    return new Box(p.latitude(), p.longitude(), p.latitude(), p.longitude());
  }

  Box including(double latitude, double longitude) {
    return new Box(Math.min(minLatitude, latitude), Math.min(minLongitude, longitude),
        Math.max(maxLatitude, latitude), Math.max(maxLongitude, longitude));
  }

  Box including(Box other) {
    return including(other.minLatitude, other.minLongitude).including(other.maxLatitude, other.maxLongitude);
  }

  /** Grown by {@code meters} on every side. */
  public Box grownBy(double meters) {
    double dLat = meters / Distances.METERS_PER_DEGREE_LATITUDE;
    double dLon = meters / (Distances.METERS_PER_DEGREE_LATITUDE * Math.cos(Math.toRadians((minLatitude + maxLatitude) / 2)));
    return new Box(minLatitude - dLat, minLongitude - dLon, maxLatitude + dLat, maxLongitude + dLon);
  }

  boolean contains(double latitude, double longitude) {
    return latitude >= minLatitude && latitude <= maxLatitude && longitude >= minLongitude && longitude <= maxLongitude;
  }
}
