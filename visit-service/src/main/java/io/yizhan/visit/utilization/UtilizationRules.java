package io.yizhan.visit.utilization;

/**
 * The thresholds behind the classifications. The report names the problems (忙闲不均, hours that
 * do not fit, new-economy workers who do not know the stations) but no numbers: these are
 * proposals for the union to confirm, and configuration ({@code yizhan.utilization.*}).
 *
 * @param visitsPerSeatPerHour  visits one seat takes in an hour before it is full: 3 means a
 *                              typical stay of 20 minutes
 * @param overloadedVsDistrict  use per seat at or above this multiple of the district's median
 *                              is overloaded
 * @param underusedVsDistrict   use per seat at or below this multiple of the district's median
 *                              is underused
 * @param minVisitsPerDay       fewer visits a day than this is underused whatever the district
 * @param hoursCoverage         the share of a weekday's demand the suggested hours must cover
 * @param newEconomyExpected    the new-economy share expected among visitors when a district has
 *                              no worker mix on record
 * @param awarenessFlagRatio    a station is flagged when its new-economy share is below this
 *                              fraction of the expected share
 * @param awarenessMinVisits    fewer visits than this in the period are too few to judge, for
 *                              awareness and for hours alike
 * @param outsideHoursFlag      a station whose share of visits made while it was closed is at or
 *                              above this is flagged: its hours miss the workers (closed when needed)
 * @param minDaysJudged         days of the period a station must have been in use (listed here, or
 *                              visited) to be judged busy or idle; one listed since is new: a few
 *                              days of visits, or none, would call it idle before workers could
 *                              know it is there (capped at the period's length)
 */
public record UtilizationRules(
    double visitsPerSeatPerHour,
    double overloadedVsDistrict,
    double underusedVsDistrict,
    double minVisitsPerDay,
    double hoursCoverage,
    double newEconomyExpected,
    double awarenessFlagRatio,
    long awarenessMinVisits,
    double outsideHoursFlag,
    int minDaysJudged) {

  public static final UtilizationRules PROPOSED = new UtilizationRules(3, 2.0, 0.5, 1, 0.9, 0.45, 0.5, 30, 0.2, 7);

  public UtilizationRules {
    if (visitsPerSeatPerHour <= 0 || overloadedVsDistrict <= 1 || underusedVsDistrict <= 0
        || underusedVsDistrict >= 1 || minVisitsPerDay < 0 || hoursCoverage <= 0 || hoursCoverage > 1
        || newEconomyExpected < 0 || newEconomyExpected > 1 || awarenessFlagRatio <= 0 || awarenessMinVisits < 0
        || outsideHoursFlag <= 0 || outsideHoursFlag > 1 || minDaysJudged < 1) {
      throw new IllegalArgumentException("utilization rules out of range: " + PROPOSED + " is a valid example");
    }
  }
}
