package io.yizhan.station.maintenance;

import io.yizhan.contracts.maintenance.MaintenanceOverdue.Tier;
import io.yizhan.contracts.station.Contact;
import io.yizhan.station.maintenance.Maintenance.OverdueFilter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Overdue upkeep as a district union or regional head reads it: the worst cases first, and how
 * many each district, regional head and station manager has, so the chain sees where it lapses.
 */
public class OverdueReport {

  private final Maintenance maintenance;
  private final Escalation escalation;
  private final Clock clock;

  public OverdueReport(Maintenance maintenance, Escalation escalation, Clock clock) {
    this.maintenance = maintenance;
    this.escalation = escalation;
    this.clock = clock;
  }

  public Mono<Report> report(OverdueFilter filter, int limit) {
    Instant now = clock.instant();
    return maintenance.overdue(now, filter)
        .collect(() -> new Builder(now, limit), Builder::add)
        .map(Builder::build);
  }

  /** One overdue task, with the person who must act on it now. */
  public record Item(
      String stationId, String stationName, String district, String task, String taskName,
      @Nullable Instant lastDoneAt, Instant dueAt, int overdueDays, Tier escalatedTo, Contact responsible,
      Contact manager, @Nullable Contact regionalHead) {}

  /**
   * @param total        every overdue task matching the filter; {@code items} holds the first ones
   * @param byDistrict   overdue tasks per district
   * @param stationsByDistrict stations with at least one overdue task, per district: a district's
   *                     count of tasks grows with how many tasks lapse at one station, this with how
   *                     many stations lapse
   * @param byRegionalHead overdue tasks per regional head ("未指定" where a station has none)
   * @param byManager    overdue tasks per station manager
   */
  public record Report(
      Instant at, int total, List<Item> items, Map<String, Integer> byDistrict, Map<String, Integer> stationsByDistrict,
      Map<String, Integer> byRegionalHead, Map<String, Integer> byManager, Map<Tier, Integer> byTier) {}

  private final class Builder {
    private final Instant now;
    private final int limit;
    private int total;
    private final List<Item> items = new ArrayList<>();
    private final Map<String, Integer> byDistrict = new TreeMap<>();
    private final Map<String, Set<String>> stationsByDistrict = new TreeMap<>();
    private final Map<String, Integer> byRegionalHead = new TreeMap<>();
    private final Map<String, Integer> byManager = new TreeMap<>();
    private final Map<Tier, Integer> byTier = new TreeMap<>();

    Builder(Instant now, int limit) {
      this.now = now;
      this.limit = limit;
    }

    void add(TaskState s) {
      Tier tier = s.tierAt(now, escalation);
      if (tier == null) {
        return;
      }
      total++;
      byDistrict.merge(s.district(), 1, Integer::sum);
      stationsByDistrict.computeIfAbsent(s.district(), d -> new HashSet<>()).add(s.stationId().toString());
      Contact head = s.chain().regionalHead();
      byRegionalHead.merge(head == null ? "未指定" : head.name(), 1, Integer::sum);
      byManager.merge(s.chain().manager().name(), 1, Integer::sum);
      byTier.merge(tier, 1, Integer::sum);
      if (items.size() < limit) {
        items.add(new Item(s.stationId().toString(), s.stationName(), s.district(), s.task().code(),
            s.task().nameZh(), s.lastDoneAt(), s.dueAt(), s.overdueDays(now), tier,
            Escalation.contactAt(tier, s.chain()), s.chain().manager(), head));
      }
    }

    Report build() {
      Map<String, Integer> stations = new TreeMap<>();
      stationsByDistrict.forEach((district, ids) -> stations.put(district, ids.size()));
      return new Report(now, total, items, byDistrict, stations, byRegionalHead, byManager, byTier);
    }
  }
}
