package io.yizhan.notification.notices.web;

import io.yizhan.notification.notices.Notice;
import io.yizhan.notification.notices.Notices;
import io.yizhan.support.problem.InvalidRequestException;
import io.yizhan.support.problem.StationIds;
import io.yizhan.support.security.Callers;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/notifications")
class NoticeController {

  private static final int MAX_LIST = 500;

  private final Notices notices;

  NoticeController(Notices notices) {
    this.notices = notices;
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

  record NoticeView(String id, String stationId, String kind, String recipientRole, String recipientName,
      String channel, String subject, String body, String status, Instant createdAt) {

    static NoticeView of(Notice n) {
      return new NoticeView(n.id().toString(), n.stationId().toString(), n.kind().name(), n.recipientRole().name(),
          n.recipientName(), n.channel().name(), n.subject(), n.body(), n.status().name(), n.createdAt());
    }
  }
}
