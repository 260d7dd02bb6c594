package io.yizhan.station.finder;

/** Distances on the earth, and what they mean on foot. */
public final class Distances {

  static final double EARTH_RADIUS_METERS = 6_371_008.8;
  /** Also, at the scale of a city, a good enough figure east–west once multiplied by cos(latitude). */
  public static final double METERS_PER_DEGREE_LATITUDE = 111_320;
  /** Streets are not straight: walking routes in Chinese city grids run about 1.3 × the crow's line. */
  static final double DETOUR_FACTOR = 1.3;
  /** An unhurried walk, 4.8 km/h. */
  static final double WALKING_METERS_PER_MINUTE = 80;

  /** Great-circle distance in meters between two WGS-84 points (haversine). */
  public static double meters(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
        + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  /** Minutes on foot for a straight-line distance, rounded up. */
  public static int walkingMinutes(double straightLineMeters) {
    return (int) Math.ceil(straightLineMeters * DETOUR_FACTOR / WALKING_METERS_PER_MINUTE);
  }

  /** The straight-line distance walkable in {@code minutes}. */
  public static double walkableMeters(int minutes) {
    return minutes * WALKING_METERS_PER_MINUTE / DETOUR_FACTOR;
  }

  private Distances() {}
}
