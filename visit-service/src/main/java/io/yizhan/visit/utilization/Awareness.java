package io.yizhan.visit.utilization;

/**
 * Whether new-economy workers (couriers, food delivery riders, ride-hailing drivers) find a
 * station: their share among its visitors against the share expected from the workers in its area.
 *
 * @param share    their share among visitors in the period
 * @param expected the share expected (the district's worker mix, or the city default)
 * @param flagged  enough visits to judge, and a share below the rules' fraction of the expected
 * @param judged   enough visits to judge at all
 */
public record Awareness(long visits, long newEconomyVisits, double share, double expected, boolean flagged,
    boolean judged) {

  public static Awareness of(Tally tally, double expected, UtilizationRules rules) {
    double share = tally.newEconomyShare();
    boolean judged = tally.visits() >= rules.awarenessMinVisits();
    boolean flagged = judged && share < expected * rules.awarenessFlagRatio();
    return new Awareness(tally.visits(), tally.newEconomy(), share, expected, flagged, judged);
  }

  public String verdict() {
    if (!judged) {
      return String.format("到访仅 %d 人次，太少，暂不评判新业态群体的知晓情况", visits);
    }
    if (flagged) {
      return String.format("新业态就业群体仅占到访的 %.0f%%，明显低于预期的 %.0f%%：建议通过抖音、微信公众号、"
          + "平台企业（快递、外卖、网约车）向他们宣传站点位置和服务", share * 100, expected * 100);
    }
    return String.format("新业态就业群体占到访的 %.0f%%（预期 %.0f%%）", share * 100, expected * 100);
  }
}
