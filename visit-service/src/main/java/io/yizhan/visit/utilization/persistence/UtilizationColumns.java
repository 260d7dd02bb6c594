package io.yizhan.visit.utilization.persistence;

import io.r2dbc.spi.Readable;
import io.yizhan.contracts.visit.ServiceUsed;
import io.yizhan.contracts.visit.WorkerType;
import io.yizhan.visit.utilization.Tally;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The counting columns of utilization_hours, named after the enums of contracts. */
final class UtilizationColumns {

  static final List<String> COUNTS;

  static {
    List<String> names = new ArrayList<>(List.of("visits", "outside_hours", "open_unknown"));
    for (WorkerType type : WorkerType.values()) {
      names.add(worker(type));
    }
    for (ServiceUsed service : ServiceUsed.values()) {
      names.add(service(service));
    }
    COUNTS = List.copyOf(names);
  }

  static String worker(WorkerType type) {
    return "w_" + type.name().toLowerCase(Locale.ROOT);
  }

  static String service(ServiceUsed service) {
    return "s_" + service.name().toLowerCase(Locale.ROOT);
  }

  /** {@code sum(visits) AS visits, sum(outside_hours) AS outside_hours, …} */
  static String sums() {
    return COUNTS.stream().map(c -> "sum(" + c + ")::bigint AS " + c).collect(Collectors.joining(", "));
  }

  /** The counts of one row read with {@link #COUNTS} (plain or summed) as columns. */
  static Tally tally(Readable row) {
    Map<WorkerType, Long> workers = new EnumMap<>(WorkerType.class);
    for (WorkerType type : WorkerType.values()) {
      workers.put(type, number(row, worker(type)));
    }
    Map<ServiceUsed, Long> services = new EnumMap<>(ServiceUsed.class);
    for (ServiceUsed service : ServiceUsed.values()) {
      services.put(service, number(row, service(service)));
    }
    return Tally.of(number(row, "visits"), number(row, "outside_hours"), number(row, "open_unknown"), workers, services);
  }

  static long number(Readable row, String column) {
    Number n = row.get(column, Number.class);
    return n == null ? 0 : n.longValue();
  }

  private UtilizationColumns() {}
}
