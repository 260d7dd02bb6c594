package io.yizhan.station.maintenance;

import io.yizhan.contracts.station.StationStatus;
import io.yizhan.station.registry.StationId;
import io.yizhan.station.registry.Stations;
import io.yizhan.support.problem.ConflictException;
import io.yizhan.support.problem.InvalidRequestException;
import io.yizhan.support.problem.InvalidRequestException.FieldProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** A station manager records a task done, at the time or up to a month late from a paper log. */
public class RecordingMaintenance {

  /** Phones' clocks drift; a record a few minutes "in the future" is still today's work. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
  /** Paper registers are transcribed late, but not a season later. */
  static final Duration OLDEST = Duration.ofDays(31);
  static final int MAX_NOTE = 500;

  private final Maintenance maintenance;
  private final Stations stations;
  private final Clock clock;

  public RecordingMaintenance(Maintenance maintenance, Stations stations, Clock clock) {
    this.maintenance = maintenance;
    this.stations = stations;
    this.clock = clock;
  }

  public Mono<MaintenanceRecord> record(StationId stationId, @Nullable String task, @Nullable Instant doneAt,
      @Nullable String by, @Nullable String note) {
    return maintenance.kinds().flatMap(kinds -> {
      Instant now = clock.instant();
      List<FieldProblem> problems = new ArrayList<>();
      if (task == null || kinds.stream().noneMatch(k -> k.code().equals(task))) {
        problems.add(new FieldProblem("task", "维护项目应为 "
            + kinds.stream().map(k -> k.code() + "（" + k.nameZh() + "）").toList() + " 之一"));
      }
      Instant done = doneAt == null ? now : doneAt;
      if (done.isAfter(now.plus(CLOCK_SKEW))) {
        problems.add(new FieldProblem("doneAt", "完成时间不能晚于现在，请检查手机时间"));
      } else if (done.isBefore(now.minus(OLDEST))) {
        problems.add(new FieldProblem("doneAt", "只能补录 31 天内完成的维护"));
      }
      if (by == null || by.isBlank()) {
        problems.add(new FieldProblem("by", "请填写完成人，例如「站点管理员 王丽」"));
      }
      if (note != null && note.length() > MAX_NOTE) {
        problems.add(new FieldProblem("note", "备注最多 " + MAX_NOTE + " 字"));
      }
      if (!problems.isEmpty()) {
        return Mono.error(new InvalidRequestException("维护记录有误，请修正后重新提交。", problems));
      }
      return stations.existing(stationId)
          .flatMap(station -> station.status() == StationStatus.REVOKED
              ? Mono.error(new ConflictException("站点「" + station.name() + "」已撤销，不再登记维护。"))
              : maintenance.record(new MaintenanceRecord(UUID.randomUUID(), stationId, task, done, by.strip(),
                  note == null || note.isBlank() ? null : note.strip(), now)));
    });
  }
}
