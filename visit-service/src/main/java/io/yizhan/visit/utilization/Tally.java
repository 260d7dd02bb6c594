package io.yizhan.visit.utilization;

import io.yizhan.contracts.visit.ServiceUsed;
import io.yizhan.contracts.visit.WorkerType;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts of some visits: how many, who came, what they used, how many found the station closed.
 * The same shape for one station-hour being counted and for a month of a district being read.
 */
public final class Tally {

  private static final WorkerType[] WORKERS = WorkerType.values();
  private static final ServiceUsed[] SERVICES = ServiceUsed.values();

  private long visits;
  private long outsideHours;
  private long openUnknown;
  private final long[] byWorker = new long[WORKERS.length];
  private final long[] byService = new long[SERVICES.length];

  public void add(CountedVisit visit) {
    visits++;
    if (visit.stationOpen() == null) {
      openUnknown++;
    } else if (!visit.stationOpen()) {
      outsideHours++;
    }
    byWorker[visit.workerType().ordinal()]++;
    for (ServiceUsed service : visit.services()) {
      byService[service.ordinal()]++;
    }
  }

  public void addAll(Tally other) {
    visits += other.visits;
    outsideHours += other.outsideHours;
    openUnknown += other.openUnknown;
    for (int i = 0; i < byWorker.length; i++) {
      byWorker[i] += other.byWorker[i];
    }
    for (int i = 0; i < byService.length; i++) {
      byService[i] += other.byService[i];
    }
  }

  /** For readers that get the counts as numbers (a database row): sets rather than adds. */
  public static Tally of(long visits, long outsideHours, long openUnknown,
      Map<WorkerType, Long> byWorker, Map<ServiceUsed, Long> byService) {
    Tally tally = new Tally();
    tally.visits = visits;
    tally.outsideHours = outsideHours;
    tally.openUnknown = openUnknown;
    byWorker.forEach((type, n) -> tally.byWorker[type.ordinal()] = n);
    byService.forEach((service, n) -> tally.byService[service.ordinal()] = n);
    return tally;
  }

  public long visits() {
    return visits;
  }

  /** Visits when the station was closed: the demand its hours (or status) turned away. */
  public long outsideHours() {
    return outsideHours;
  }

  public long openUnknown() {
    return openUnknown;
  }

  public long byWorker(WorkerType type) {
    return byWorker[type.ordinal()];
  }

  public long byService(ServiceUsed service) {
    return byService[service.ordinal()];
  }

  /** Couriers, food delivery riders and ride-hailing drivers: the workers the report says know the stations least. */
  public long newEconomy() {
    long n = 0;
    for (WorkerType type : WORKERS) {
      if (type.isNewEmploymentForm()) {
        n += byWorker[type.ordinal()];
      }
    }
    return n;
  }

  /** Share of the visits whose openness is known that came while closed; 0 with none known. */
  public double outsideHoursShare() {
    long known = visits - openUnknown;
    return known == 0 ? 0 : (double) outsideHours / known;
  }

  public double newEconomyShare() {
    return visits == 0 ? 0 : (double) newEconomy() / visits;
  }

  public Map<WorkerType, Long> workers() {
    Map<WorkerType, Long> map = new EnumMap<>(WorkerType.class);
    for (WorkerType type : WORKERS) {
      map.put(type, byWorker[type.ordinal()]);
    }
    return map;
  }

  public Map<ServiceUsed, Long> services() {
    Map<ServiceUsed, Long> map = new EnumMap<>(ServiceUsed.class);
    for (ServiceUsed service : SERVICES) {
      map.put(service, byService[service.ordinal()]);
    }
    return map;
  }
}
