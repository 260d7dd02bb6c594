package io.yizhan.station.maintenance;

import io.yizhan.station.registry.StationId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Maintenance tasks, records and escalations. Every stored fact is announced with it. */
public interface Maintenance {

  Mono<List<TaskKind>> kinds();

  /** Stores the record, moves the task's due date on and announces {@code maintenance.recorded}. */
  Mono<MaintenanceRecord> record(MaintenanceRecord record);

  /** Every task of a station with where it stands; empty for a station not in service. */
  Flux<TaskState> tasksOf(StationId station);

  Flux<MaintenanceRecord> recordsOf(StationId station, int limit);

  /** Overdue tasks of stations in service, most overdue first, narrowed by the filter. */
  Flux<TaskState> overdue(Instant now, OverdueFilter filter);

  /**
   * One round of escalation, under a lease so that one instance runs it at a time: each overdue
   * task whose reached tier ({@link Escalation#reached}) has not yet been announced for that due
   * date is announced ({@code maintenance.overdue}) to {@link Escalation#contactAt} and
   * remembered, in one transaction. A task first seen already past a tier's threshold (the
   * service was down, say) is announced at that tier only.
   *
   * @return how many escalations were announced; 0 also when another instance holds the lease
   */
  Mono<Integer> escalate(Instant now, Escalation escalation, int maxPerRound);

  /** Narrows a list of overdue tasks; null fields do not narrow. */
  record OverdueFilter(@Nullable String district, @Nullable String regionalHead, @Nullable String manager) {}
}
