package io.yizhan.notification.notices.web;

import io.yizhan.contracts.access.Role;
import io.yizhan.notification.notices.InboxMarks;
import io.yizhan.notification.notices.Notice;
import io.yizhan.notification.notices.NoticeScope;
import io.yizhan.notification.notices.Notices;
import io.yizhan.notification.notices.Notices.Position;
import io.yizhan.support.problem.ForbiddenException;
import io.yizhan.support.problem.InvalidRequestException;
import io.yizhan.support.problem.StationIds;
import io.yizhan.support.security.Caller;
import io.yizhan.support.security.Callers;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/notifications")
class NoticeController {

  private static final int MAX_LIST = 500;
  /** The headers say "99+ 条新" beyond this. */
  private static final int MAX_UNSEEN = 99;

  private final Notices notices;
  private final InboxMarks marks;
  private final Clock clock;

  NoticeController(Notices notices, InboxMarks marks, Clock clock) {
    this.notices = notices;
    this.marks = marks;
    this.clock = clock;
  }

  /**
   * Notices about one station, newest first. They name the people told, so only the station's
   * own manager and regional head, its district's union and the city may read them. The district
   * is the one the notices were written for: with no notice yet there is nothing to guard, and the
   * answer is empty for anyone.
   */
  @GetMapping
  Mono<List<NoticeView>> forStation(@RequestParam(required = false) @Nullable String stationId,
      @RequestParam(defaultValue = "100") int limit) {
    if (stationId == null || stationId.isBlank()) {
      throw new InvalidRequestException("stationId", "请提供站点编号 stationId，例如 ?stationId=0b7e2c1a-5d7f-4a55-9f51-3c2f7d1e9a10");
    }
    UUID station = StationIds.parse("stationId", stationId);
    return Callers.current().zipWith(notices.forStation(station, Math.max(1, Math.min(limit, MAX_LIST))).collectList())
        .map(found -> {
          List<Notice> told = found.getT2();
          if (!told.isEmpty()) {
            String district = told.stream().map(Notice::district).filter(Objects::nonNull).findFirst().orElse("");
            found.getT1().requireRunsStation(station.toString(), district, "查看本站的通知");
          }
          return told.stream().map(NoticeView::of).toList();
        });
  }

  /**
   * The caller's inbox: the notices about what they are responsible for, newest first, a page at
   * a time ({@code next} is where the following page starts, absent on the last).
   */
  @GetMapping("/inbox")
  Mono<InboxView> inbox(@RequestParam(required = false) @Nullable String after,
      @RequestParam(defaultValue = "50") int limit) {
    Position position = after == null || after.isBlank() ? null : position(after);
    int size = Math.max(1, Math.min(limit, MAX_LIST));
    return Callers.current().flatMap(caller -> {
      NoticeScope scope = scopeOf(caller);
      return notices.inScope(scope, position, size).collectList();
    }).map(page -> new InboxView(page.stream().map(NoticeView::of).toList(),
        page.size() < size ? null : cursor(Position.of(page.get(page.size() - 1)))));
  }

  /**
   * How many notices in the caller's inbox are newer than the newest they were shown (all before
   * they first opened it): the staff pages' "我的通知（3 条新）", the same on every device.
   */
  @GetMapping("/inbox/unseen")
  Mono<UnseenView> unseen() {
    return Callers.current().flatMap(caller -> {
      NoticeScope scope = scopeOf(caller);
      return marks.seenUpTo(caller.subject()).map(Optional::of).defaultIfEmpty(Optional.empty())
          .flatMap(seen -> notices.countInScope(scope, seen.orElse(null), MAX_UNSEEN + 1)
              .map(count -> new UnseenView(Math.min(count, MAX_UNSEEN), count > MAX_UNSEEN, seen.orElse(null))));
    });
  }

  /**
   * {@code {"upTo": "…"}}, the time of the newest notice the caller was shown (the inbox's first
   * one): notices up to it are no longer new. The mark never moves back, and not past now, where it
   * would hide notices still to come.
   */
  @PutMapping("/inbox/seen")
  Mono<SeenView> markSeen(@RequestBody SeenRequest request) {
    if (request.upTo() == null) {
      throw new InvalidRequestException("upTo", "请提供看到的最新一条通知的时间 upTo，即收件箱答复中第一条通知的 createdAt");
    }
    return Callers.current().flatMap(caller -> {
      scopeOf(caller); // only a reader with an inbox keeps a mark
      Instant now = clock.instant();
      return marks.markSeen(caller.subject(), request.upTo().isAfter(now) ? now : request.upTo()).map(SeenView::new);
    });
  }

  /** The notices this caller answers for; a 403 that says who is told for a caller who answers for none. */
  private static NoticeScope scopeOf(Caller caller) {
    boolean runsStations = caller.has(Role.STATION_MANAGER) || caller.has(Role.REGIONAL_HEAD);
    // A stations claim that is not a station id names nothing here.
    Set<UUID> stations = runsStations ? caller.stations().stream().map(NoticeController::uuidOrNull)
        .filter(Objects::nonNull).collect(Collectors.toSet()) : Set.of();
    NoticeScope scope = new NoticeScope(caller.has(Role.CITY_ADMIN),
        caller.has(Role.DISTRICT_ADMIN) ? caller.district() : null, stations);
    if (scope.isEmpty() && !runsStations) {
      throw new ForbiddenException("通知发给站点管理员、区域站长、区县工会和市总工会；当前令牌" + caller.describe()
          + "，没有可看的通知。请以这些身份之一登录。");
    }
    return scope;
  }

  private static String cursor(Position position) {
    return position.createdAt() + "_" + position.id();
  }

  private static Position position(String cursor) {
    int split = cursor.indexOf('_');
    try {
      return new Position(Instant.parse(cursor.substring(0, Math.max(0, split))),
          UUID.fromString(cursor.substring(split + 1)));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new InvalidRequestException("after", "翻页位置 after 无效：请用上一页答复中的 next 原样填写，或去掉它从最新的通知看起。");
    }
  }

  private static @Nullable UUID uuidOrNull(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** @param more there are more than {@code unseen} */
  record UnseenView(int unseen, boolean more, @Nullable Instant seenUpTo) {}

  record SeenRequest(@Nullable Instant upTo) {}

  record SeenView(Instant seenUpTo) {}

  record InboxView(List<NoticeView> notices, @Nullable String next) {}

  record NoticeView(String id, String stationId, @Nullable String district, String kind, String recipientRole,
      String recipientName, String channel, String subject, String body, String status, Instant createdAt) {

    static NoticeView of(Notice n) {
      return new NoticeView(n.id().toString(), n.stationId().toString(), n.district(), n.kind().name(),
          n.recipientRole().name(), n.recipientName(), n.channel().name(), n.subject(), n.body(), n.status().name(),
          n.createdAt());
    }
  }
}
