package io.yizhan.notification.notices.web;

import io.yizhan.notification.notices.Notice;
import io.yizhan.notification.notices.Notices;
import io.yizhan.support.problem.InvalidRequestException;
import io.yizhan.support.problem.StationIds;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

@RestController
@RequestMapping("/api/notifications")
class NoticeController {

  private static final int MAX_LIST = 500;

  private final Notices notices;

  NoticeController(Notices notices) {
    this.notices = notices;
  }

  /** Notices about one station, newest first. */
  @GetMapping
  Flux<NoticeView> forStation(@RequestParam(required = false) @Nullable String stationId,
      @RequestParam(defaultValue = "100") int limit) {
    if (stationId == null || stationId.isBlank()) {
      throw new InvalidRequestException("stationId", "请提供站点编号 stationId，例如 ?stationId=0b7e2c1a-5d7f-4a55-9f51-3c2f7d1e9a10");
    }
    return notices.forStation(StationIds.parse("stationId", stationId), Math.max(1, Math.min(limit, MAX_LIST))).map(NoticeView::of);
  }

  record NoticeView(String id, String stationId, String kind, String recipientRole, String recipientName,
      String channel, String subject, String body, String status, Instant createdAt) {

    static NoticeView of(Notice n) {
      return new NoticeView(n.id().toString(), n.stationId().toString(), n.kind().name(), n.recipientRole().name(),
          n.recipientName(), n.channel().name(), n.subject(), n.body(), n.status().name(), n.createdAt());
    }
  }
}
