package io.yizhan.station.registry;

/** A WGS-84 position. */
public record GeoPoint(double latitude, double longitude) {

  // A generous box around mainland China, Hainan and the islands: catches swapped or zero
  // coordinates, which are the usual data-entry mistakes.
  static final double MIN_LATITUDE = 3.8;
  static final double MAX_LATITUDE = 53.6;
  static final double MIN_LONGITUDE = 73.5;
  static final double MAX_LONGITUDE = 135.1;

  public boolean isInChina() {
    return latitude >= MIN_LATITUDE && latitude <= MAX_LATITUDE
        && longitude >= MIN_LONGITUDE && longitude <= MAX_LONGITUDE;
  }
}
