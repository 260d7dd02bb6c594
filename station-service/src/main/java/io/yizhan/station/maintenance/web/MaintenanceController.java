package io.yizhan.station.maintenance.web;

import io.yizhan.contracts.access.Role;
import io.yizhan.contracts.maintenance.MaintenanceOverdue.Tier;
import io.yizhan.station.access.web.StationAccess;
import io.yizhan.station.maintenance.Escalation;
import io.yizhan.station.maintenance.Maintenance;
import io.yizhan.station.maintenance.Maintenance.OverdueFilter;
import io.yizhan.station.maintenance.MaintenanceRecord;
import io.yizhan.station.maintenance.OverdueReport;
import io.yizhan.station.maintenance.RecordingMaintenance;
import io.yizhan.station.maintenance.TaskKind;
import io.yizhan.station.maintenance.TaskState;
import io.yizhan.station.registry.StationId;
import io.yizhan.station.registry.Stations;
import io.yizhan.support.problem.ForbiddenException;
import io.yizhan.support.problem.StationIds;
import io.yizhan.support.security.Caller;
import io.yizhan.support.security.Callers;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Station managers record upkeep; the responsibility chain sees what is overdue. */
@RestController
class MaintenanceController {

  private static final int MAX_RECORDS = 200;
  private static final int MAX_ITEMS = 5_000;

  private final Maintenance maintenance;
  private final RecordingMaintenance recording;
  private final OverdueReport overdue;
  private final Escalation escalation;
  private final Stations stations;
  private final StationAccess access;
  private final Clock clock;

  MaintenanceController(Stations stations, Maintenance maintenance, RecordingMaintenance recording, OverdueReport overdue,
      Escalation escalation, StationAccess access, Clock clock) {
    this.access = access;
    this.stations = stations;
    this.maintenance = maintenance;
    this.recording = recording;
    this.overdue = overdue;
    this.escalation = escalation;
    this.clock = clock;
  }

  /** The task kinds and their intervals. */
  @GetMapping("/api/maintenance/tasks")
  Mono<List<TaskKindView>> tasks() {
    return maintenance.kinds().map(kinds -> kinds.stream().map(TaskKindView::of).toList());
  }

  /**
   * Overdue tasks of stations in service, most overdue first, with counts per district,
   * regional head, station manager and tier. Narrow by district, regional head or manager name.
   * It names and gives the phones of whoever must act, across a district or the city: the city
   * reads any district's, a district's union its own (and gets its own when it names none).
   */
  @GetMapping("/api/maintenance/overdue")
  Mono<OverdueReport.Report> overdue(@RequestParam(required = false) @Nullable String district,
      @RequestParam(required = false) @Nullable String regionalHead,
      @RequestParam(required = false) @Nullable String manager,
      @RequestParam(defaultValue = "200") int limit) {
    return Callers.current().flatMap(caller -> overdue.report(
        new OverdueFilter(readableDistrict(caller, blankToNull(district)), blankToNull(regionalHead),
            blankToNull(manager)),
        Math.max(0, Math.min(limit, MAX_ITEMS))));
  }

  /** The district the caller may read the overdue report of, given the one asked for (null: the city). */
  private static @Nullable String readableDistrict(Caller caller, @Nullable String asked) {
    if (caller.has(Role.CITY_ADMIN)) {
      return asked;
    }
    if (caller.has(Role.DISTRICT_ADMIN) && caller.district() != null) {
      if (asked != null) {
        caller.requireManagesDistrict(asked);
      }
      return caller.district();
    }
    throw new ForbiddenException("逾期汇总列出各站负责人的姓名和电话，只有市总工会和区县工会可以查看；当前令牌"
        + caller.describe() + "。本站的维护任务请在“站点维护”页（/dashboards/upkeep.html）查看。");
  }

  /** Every task of the station with where it stands, and its latest records. */
  @GetMapping("/api/stations/{id}/maintenance")
  Mono<StationMaintenance> ofStation(@PathVariable String id, @RequestParam(defaultValue = "50") int records) {
    StationId station = new StationId(StationIds.parse("id", id));
    Instant now = clock.instant();
    Mono<StationMaintenance> answer = Mono.zip(
        maintenance.tasksOf(station).map(s -> TaskView.of(s, now, escalation)).collectList(),
        maintenance.recordsOf(station, Math.max(1, Math.min(records, MAX_RECORDS))).map(RecordView::of).collectList(),
        (tasks, recent) -> new StationMaintenance(id, tasks, recent));
    return stations.existing(station)
        .then(answer);
  }

  /** {@code {"task": "CLEANING", "by": "站点管理员 王丽", "doneAt": "…", "note": "…"}}; doneAt defaults to now. */
  @PostMapping("/api/stations/{id}/maintenance")
  Mono<ResponseEntity<RecordView>> record(@PathVariable String id, @RequestBody RecordRequest request) {
    StationId station = new StationId(StationIds.parse("id", id));
    return access.requireRuns(station)
        .then(Mono.defer(() -> recording.record(station, request.task(), request.doneAt(), request.by(), request.note())))
        .map(r -> ResponseEntity.created(URI.create("/api/stations/" + id + "/maintenance")).body(RecordView.of(r)));
  }

  record RecordRequest(@Nullable String task, @Nullable Instant doneAt, @Nullable String by, @Nullable String note) {}

  record TaskKindView(String code, String name, long intervalDays) {
    static TaskKindView of(TaskKind k) {
      return new TaskKindView(k.code(), k.nameZh(), k.interval().toDays());
    }
  }

  /** @param escalatedTo the tier that must act now; null while not overdue */
  record TaskView(String task, String name, long intervalDays, @Nullable Instant lastDoneAt, Instant dueAt,
      boolean overdue, int overdueDays, @Nullable Tier escalatedTo) {
    static TaskView of(TaskState s, Instant now, Escalation escalation) {
      return new TaskView(s.task().code(), s.task().nameZh(), s.task().interval().toDays(), s.lastDoneAt(),
          s.dueAt(), s.overdueAt(now), s.overdueDays(now), s.tierAt(now, escalation));
    }
  }

  record RecordView(String id, String task, Instant doneAt, String by, @Nullable String note, Instant recordedAt) {
    static RecordView of(MaintenanceRecord r) {
      return new RecordView(r.id().toString(), r.task(), r.doneAt(), r.by(), r.note(), r.recordedAt());
    }
  }

  /** @param tasks empty for a station that is not in service (planned, suspended, revoked) */
  record StationMaintenance(String stationId, List<TaskView> tasks, List<RecordView> records) {}

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
