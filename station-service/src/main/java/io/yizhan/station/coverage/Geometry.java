package io.yizhan.station.coverage;

/**
 * Flat-earth arithmetic for a city: within a few tens of kilometres an equirectangular projection
 * about the area's middle latitude is off by well under a percent, far less than the detour
 * factor's own uncertainty.
 */
final class Geometry {

  static final double METERS_PER_DEGREE = 111_320;

  private Geometry() {}
}
