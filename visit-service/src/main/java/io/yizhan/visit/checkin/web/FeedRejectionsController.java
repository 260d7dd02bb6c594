package io.yizhan.visit.checkin.web;

import io.yizhan.contracts.access.Role;
import io.yizhan.hours.OpeningHours;
import io.yizhan.support.problem.ForbiddenException;
import io.yizhan.support.problem.InvalidRequestException;
import io.yizhan.support.security.Caller;
import io.yizhan.support.security.Callers;
import io.yizhan.visit.checkin.FeedRejection;
import io.yizhan.visit.checkin.FeedRejections;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * What a district's systems produced to visit.inbound.v1 and the platform refused, with why: the
 * answer a producer to a topic never gets, for its district to correct and send again (the same
 * visit id makes a resend safe). A district's union or system reads its own district's; the city
 * reads every district's, and the visits at stations nobody knows.
 */
@RestController
@RequestMapping("/api/visits/feed-rejections")
class FeedRejectionsController {

  private static final int MAX = 1_000;
  private static final Duration BY_DEFAULT = Duration.ofDays(7);

  private final FeedRejections rejections;
  private final Clock clock;

  FeedRejectionsController(FeedRejections rejections, Clock clock) {
    this.rejections = rejections;
    this.clock = clock;
  }

  /**
   * @param district the city may name one; a district's caller gets its own
   * @param from     a date (from its start, Beijing time) or an instant; by default the last 7 days
   */
  @GetMapping
  Mono<Answer> rejections(@RequestParam(required = false) @Nullable String district,
      @RequestParam(required = false) @Nullable String from, @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > MAX) {
      throw new InvalidRequestException("limit", "条数应在 1 到 " + MAX + " 之间");
    }
    Instant since = from == null || from.isBlank() ? clock.instant().minus(BY_DEFAULT) : instant(from.strip());
    return Callers.current().flatMap(caller -> {
      String whose = districtFor(caller, district == null || district.isBlank() ? null : district.strip());
      return rejections.since(whose, since, limit).collectList()
          .map(found -> new Answer(whose, since, found.size(), found));
    });
  }

  record Answer(@Nullable String district, Instant from, int count, List<FeedRejection> rejections) {}

  private static @Nullable String districtFor(Caller caller, @Nullable String asked) {
    if (caller.has(Role.CITY_ADMIN)) {
      return asked;
    }
    if ((caller.has(Role.DISTRICT_ADMIN) || caller.has(Role.DISTRICT_SYSTEM)) && caller.district() != null) {
      if (asked != null && !asked.equals(caller.district())) {
        throw new ForbiddenException("只能查看本区县（" + caller.district() + "）推送的退回记录；其他区县的请联系该区县工会或市总工会。");
      }
      return caller.district();
    }
    throw new ForbiddenException("区县推送的退回记录只有市总工会、区县工会和区县系统可以查看。");
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException notAnInstant) {
      try {
        return LocalDate.parse(text).atStartOfDay(OpeningHours.CITY).toInstant();
      } catch (DateTimeParseException notADate) {
        throw new InvalidRequestException("from", "应为日期（如 2026-12-01）或时刻（如 2026-12-01T08:00:00Z）");
      }
    }
  }
}
