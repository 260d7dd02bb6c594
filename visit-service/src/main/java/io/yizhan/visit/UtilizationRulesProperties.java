package io.yizhan.visit;

import io.yizhan.visit.utilization.UtilizationRules;

/** {@code yizhan.utilization.rules.*}: each threshold of {@link UtilizationRules}, defaulting to the proposal. */
public class UtilizationRulesProperties {

  private static final UtilizationRules PROPOSED = UtilizationRules.PROPOSED;

  private double visitsPerSeatPerHour = PROPOSED.visitsPerSeatPerHour();
  private double overloadedVsDistrict = PROPOSED.overloadedVsDistrict();
  private double underusedVsDistrict = PROPOSED.underusedVsDistrict();
  private double minVisitsPerDay = PROPOSED.minVisitsPerDay();
  private double hoursCoverage = PROPOSED.hoursCoverage();
  private double newEconomyExpected = PROPOSED.newEconomyExpected();
  private double awarenessFlagRatio = PROPOSED.awarenessFlagRatio();
  private long awarenessMinVisits = PROPOSED.awarenessMinVisits();
  private double outsideHoursFlag = PROPOSED.outsideHoursFlag();
  private int minDaysJudged = PROPOSED.minDaysJudged();

  UtilizationRules toRules() {
    return new UtilizationRules(visitsPerSeatPerHour, overloadedVsDistrict, underusedVsDistrict, minVisitsPerDay,
        hoursCoverage, newEconomyExpected, awarenessFlagRatio, awarenessMinVisits, outsideHoursFlag, minDaysJudged);
  }

  public void setVisitsPerSeatPerHour(double v) { visitsPerSeatPerHour = v; }
  public void setOverloadedVsDistrict(double v) { overloadedVsDistrict = v; }
  public void setUnderusedVsDistrict(double v) { underusedVsDistrict = v; }
  public void setMinVisitsPerDay(double v) { minVisitsPerDay = v; }
  public void setHoursCoverage(double v) { hoursCoverage = v; }
  public void setNewEconomyExpected(double v) { newEconomyExpected = v; }
  public void setAwarenessFlagRatio(double v) { awarenessFlagRatio = v; }
  public void setAwarenessMinVisits(long v) { awarenessMinVisits = v; }
  public void setOutsideHoursFlag(double v) { outsideHoursFlag = v; }
  public void setMinDaysJudged(int v) { minDaysJudged = v; }
}
