package io.yizhan.visit.utilization;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * 忙闲不均: ranks a district's stations by use per seat and says which are overloaded, normal or
 * underused, against their own capacity and against the district's median station.
 */
public final class BusyIdle {

  public enum Level {
    OVERLOADED("超负荷"),
    NORMAL("正常"),
    UNDERUSED("闲置"),
    /** In use too few days of the period to judge: ranked, not judged, and never published. */
    NEW("新站");

    private final String label;

    Level(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One station's place in its district.
   *
   * @param rank             1 for the most used per seat
   * @param vsDistrictMedian its use per seat divided by the district median's; 0 when the median is 0
   * @param peakOccupancy    average visits in its busiest hour divided by what its seats take in an hour
   * @param reasons          why, in words a planner reads
   * @param action           what a planner could do about it, null when normal
   */
  public record Ranked(
      StationLoad load, int rank, Level level, double vsDistrictMedian, double peakOccupancy,
      List<String> reasons, @Nullable String action) {}

  private final UtilizationRules rules;

  public BusyIdle(UtilizationRules rules) {
    this.rules = rules;
  }

  /**
   * Ranks stations of one district, most used per seat first. New stations take their place in the
   * order but not in the median the others are judged against.
   */
  public List<Ranked> rank(List<StationLoad> district) {
    double median = median(district.stream().filter(load -> !isNew(load))
        .mapToDouble(StationLoad::visitsPerSeatPerDay).sorted().toArray());
    List<StationLoad> ordered = new ArrayList<>(district);
    ordered.sort(Comparator.comparingDouble(StationLoad::visitsPerSeatPerDay).reversed()
        .thenComparing(StationLoad::name));
    List<Ranked> ranked = new ArrayList<>(ordered.size());
    for (int i = 0; i < ordered.size(); i++) {
      ranked.add(judge(ordered.get(i), i + 1, median));
    }
    return ranked;
  }

  private boolean isNew(StationLoad load) {
    return load.days() < minDays(load);
  }

  private long minDays(StationLoad load) {
    return Math.min(rules.minDaysJudged(), load.periodDays());
  }

  private Ranked judge(StationLoad load, int rank, double median) {
    double vsMedian = median == 0 ? 0 : load.visitsPerSeatPerDay() / median;
    double peakOccupancy = load.busiestHourAverage() / (Math.max(1, load.capacity()) * rules.visitsPerSeatPerHour());
    if (isNew(load)) {
      return new Ranked(load, rank, Level.NEW, vsMedian, peakOccupancy,
          List.of(String.format(Locale.ROOT, "启用 %d 天，满 %d 天后评判忙闲", load.days(), minDays(load))), null);
    }
    List<String> overloaded = new ArrayList<>();
    if (peakOccupancy >= 1) {
      overloaded.add(String.format(Locale.ROOT, "%02d:00 高峰平均每小时 %.1f 人次，超过 %d 个座位的接待能力（约 %.0f 人次/小时）",
          load.busiestHour(), load.busiestHourAverage(), load.capacity(), load.capacity() * rules.visitsPerSeatPerHour()));
    }
    if (median > 0 && vsMedian >= rules.overloadedVsDistrict()) {
      overloaded.add(String.format(Locale.ROOT, "每座位日均 %.1f 人次，是本区中位站点的 %.1f 倍",
          load.visitsPerSeatPerDay(), vsMedian));
    }
    if (!overloaded.isEmpty()) {
      return new Ranked(load, rank, Level.OVERLOADED, vsMedian, peakOccupancy, overloaded,
          "考虑延长开放时间、增加座位，或在附近增设站点分流");
    }
    List<String> underused = new ArrayList<>();
    if (load.visitsPerDay() < rules.minVisitsPerDay()) {
      underused.add(String.format(Locale.ROOT, "日均仅 %.1f 人次，低于 %.0f 人次", load.visitsPerDay(), rules.minVisitsPerDay()));
    }
    if (median > 0 && vsMedian <= rules.underusedVsDistrict()) {
      underused.add(String.format(Locale.ROOT, "每座位日均 %.2f 人次，仅为本区中位站点的 %.0f%%",
          load.visitsPerSeatPerDay(), vsMedian * 100));
    }
    if (!underused.isEmpty()) {
      return new Ranked(load, rank, Level.UNDERUSED, vsMedian, peakOccupancy, underused,
          "核查开放时间与位置是否合适，加强标识和宣传（尤其面向快递、外卖、网约车司机）");
    }
    return new Ranked(load, rank, Level.NORMAL, vsMedian, peakOccupancy,
        List.of(String.format(Locale.ROOT, "每座位日均 %.1f 人次，与本区中位站点相当", load.visitsPerSeatPerDay())), null);
  }

  static double median(double[] sorted) {
    if (sorted.length == 0) {
      return 0;
    }
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
