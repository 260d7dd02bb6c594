package io.yizhan.station.activities;

import io.yizhan.contracts.station.StationStatus;
import io.yizhan.hours.OpeningHours;
import io.yizhan.station.registry.StationId;
import io.yizhan.station.registry.Stations;
import io.yizhan.support.problem.Choices;
import io.yizhan.support.problem.ConflictException;
import io.yizhan.support.problem.InvalidRequestException;
import io.yizhan.support.problem.InvalidRequestException.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** A station manager logs an activity held, or planned for the coming weeks. */
public class LoggingActivity {

  static final int MAX_TITLE = 100;
  static final int MAX_NOTE = 1_000;
  static final int MAX_PARTICIPANTS = 100_000;
  /** Activities are announced ahead (a free clinic next month); not a year ahead. */
  static final int MAX_DAYS_AHEAD = 90;
  static final int MAX_DAYS_BACK = 366;

  private final Activities activities;
  private final Stations stations;
  private final Clock clock;

  public LoggingActivity(Activities activities, Stations stations, Clock clock) {
    this.activities = activities;
    this.stations = stations;
    this.clock = clock;
  }

  public Mono<Activity> log(StationId stationId, @Nullable String kind, @Nullable String title,
      @Nullable LocalDate heldOn, @Nullable Integer participants, @Nullable String by, @Nullable String note) {
    return Mono.defer(() -> {
      LocalDate today = clock.instant().atZone(OpeningHours.CITY).toLocalDate();
      List<FieldProblem> problems = new ArrayList<>();
      ActivityKind activityKind = Choices.parse(ActivityKind.class, kind, "kind", "活动类型", problems);
      if (title == null || title.isBlank()) {
        problems.add(new FieldProblem("title", "请填写活动名称，例如「冬送温暖：姜茶与手套」"));
      } else if (title.strip().length() > MAX_TITLE) {
        problems.add(new FieldProblem("title", "活动名称最多 " + MAX_TITLE + " 字"));
      }
      LocalDate day = heldOn == null ? today : heldOn;
      if (day.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
        problems.add(new FieldProblem("heldOn", "活动日期最多登记到 " + MAX_DAYS_AHEAD + " 天以后"));
      } else if (day.isBefore(today.minusDays(MAX_DAYS_BACK))) {
        problems.add(new FieldProblem("heldOn", "只能补录一年内的活动"));
      }
      if (participants != null && (participants < 0 || participants > MAX_PARTICIPANTS)) {
        problems.add(new FieldProblem("participants", "参与人数应在 0 到 " + MAX_PARTICIPANTS + " 之间"));
      }
      if (by == null || by.isBlank()) {
        problems.add(new FieldProblem("by", "请填写登记人，例如「站点管理员 王丽」"));
      }
      if (note != null && note.length() > MAX_NOTE) {
        problems.add(new FieldProblem("note", "备注最多 " + MAX_NOTE + " 字"));
      }
      if (!problems.isEmpty()) {
        throw new InvalidRequestException("活动记录有误，请修正后重新提交。", problems);
      }
      return stations.existing(stationId)
          .flatMap(station -> station.status() == StationStatus.REVOKED
              ? Mono.error(new ConflictException("站点「" + station.name() + "」已撤销，不再登记活动。"))
              : activities.log(new Activity(UUID.randomUUID(), stationId, activityKind, title.strip(), day,
                  participants, by.strip(), note == null || note.isBlank() ? null : note.strip(), clock.instant())));
    });
  }
}
