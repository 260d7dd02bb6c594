package io.yizhan.station.activities.web;

import io.yizhan.station.access.web.StationAccess;
import io.yizhan.station.activities.Activities;
import io.yizhan.station.activities.Activity;
import io.yizhan.station.activities.ActivityKind;
import io.yizhan.station.activities.LoggingActivity;
import io.yizhan.hours.OpeningHours;
import io.yizhan.station.registry.StationId;
import io.yizhan.support.problem.InvalidRequestException;
import io.yizhan.support.problem.StationIds;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A station's activities log. */
@RestController
class ActivityController {

  private static final int MAX_LIST = 500;

  private final LoggingActivity logging;
  private final Activities activities;
  private final StationAccess access;
  private final Clock clock;

  ActivityController(LoggingActivity logging, Activities activities, StationAccess access, Clock clock) {
    this.access = access;
    this.logging = logging;
    this.activities = activities;
    this.clock = clock;
  }

  @GetMapping("/api/activities/kinds")
  List<KindView> kinds() {
    return Arrays.stream(ActivityKind.values()).map(k -> new KindView(k.name(), k.nameZh())).toList();
  }

  /** {@code {"kind": "FREE_CLINIC", "title": "…", "heldOn": "2026-11-27", "participants": 40, "by": "…"}}. */
  @PostMapping("/api/stations/{id}/activities")
  Mono<ResponseEntity<ActivityView>> log(@PathVariable String id, @RequestBody LogRequest request) {
    StationId station = new StationId(StationIds.parse("id", id));
    return access.requireRuns(station)
        .then(Mono.defer(() -> logging.log(station, request.kind(), request.title(), request.heldOn(),
            request.participants(), request.by(), request.note())))
        .map(a -> ResponseEntity.created(URI.create("/api/stations/" + id + "/activities")).body(ActivityView.of(a)));
  }

  /** Activities held between {@code from} and {@code to} (default: the past year), latest first. */
  @GetMapping("/api/stations/{id}/activities")
  Flux<ActivityView> ofStation(@PathVariable String id, @RequestParam(required = false) @Nullable LocalDate from,
      @RequestParam(required = false) @Nullable LocalDate to, @RequestParam(defaultValue = "100") int limit) {
    LocalDate today = clock.instant().atZone(OpeningHours.CITY).toLocalDate();
    LocalDate until = to == null ? today.plusDays(90) : to;
    LocalDate since = from == null ? today.minusYears(1) : from;
    if (since.isAfter(until)) {
      throw new InvalidRequestException("from", "起始日期不能晚于结束日期");
    }
    return activities.ofStation(new StationId(StationIds.parse("id", id)), since, until,
        Math.max(1, Math.min(limit, MAX_LIST))).map(ActivityView::of);
  }

  record LogRequest(@Nullable String kind, @Nullable String title, @Nullable LocalDate heldOn,
      @Nullable Integer participants, @Nullable String by, @Nullable String note) {}

  record KindView(String code, String name) {}

  record ActivityView(String id, String stationId, String kind, String kindName, String title, LocalDate heldOn,
      @Nullable Integer participants, String by, @Nullable String note, Instant loggedAt) {
    static ActivityView of(Activity a) {
      return new ActivityView(a.id().toString(), a.stationId().toString(), a.kind().name(), a.kind().nameZh(),
          a.title(), a.heldOn(), a.participants(), a.by(), a.note(), a.loggedAt());
    }
  }
}
