package io.yizhan.station.coverage;

/**
 * Where outdoor workers need a station, and how much: a delivery hub, a sanitation depot, a taxi
 * rank, a busy commercial street. Planners upload them per district; the weight is theirs to
 * choose (workers seen there on a day, say). Coverage weighted by demand counts these, not
 * empty fields.
 */
public record DemandPoint(double latitude, double longitude, double weight, String label) {

  public DemandPoint {
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("weight must be a positive number");
    }
  }
}
