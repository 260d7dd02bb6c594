package io.yizhan.notification.notices;

import io.yizhan.notification.notices.Notice.Channel;
import io.yizhan.notification.notices.Notice.NoticeKind;
import io.yizhan.notification.notices.Notice.RecipientRole;
import io.yizhan.notification.notices.Notice.Status;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * When upkeep lapses, the person the task has reached is told: the manager to do it, the
 * regional head or district chief to see that it is done. station-service decides who and
 * announces each tier once; this writes the words.
 */
public class TellingChainMaintenanceIsOverdue {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ZoneId.of("Asia/Shanghai"));

  private final Notices notices;
  private final Clock clock;

  public TellingChainMaintenanceIsOverdue(Notices notices, Clock clock) {
    this.notices = notices;
    this.clock = clock;
  }

  public Mono<Void> tell(MaintenanceLapse lapse) {
    String since = lapse.lastDoneAt() == null ? "站点启用以来尚无记录" : "上次完成于 " + DAY.format(lapse.lastDoneAt());
    String late = lapse.overdueDays() == 0 ? "已到期" : "已逾期 " + lapse.overdueDays() + " 天";
    String ask = lapse.recipientRole() == RecipientRole.STATION_MANAGER
        ? "请尽快完成并在平台登记。"
        : "站点管理员尚未处理，请督促落实，必要时协调人员完成。";
    String body = lapse.recipientName() + "，您好：\n"
        + "「" + lapse.stationName() + "」（" + lapse.district() + "）的「" + lapse.taskName() + "」" + late
        + "（" + since + "）。\n" + ask;
    return notices.add(new Notice(
        UUID.nameUUIDFromBytes((lapse.eventId() + "/" + lapse.recipientRole()).getBytes(StandardCharsets.UTF_8)),
        lapse.stationId(),
        lapse.district(),
        lapse.eventId(),
        NoticeKind.MAINTENANCE_OVERDUE,
        lapse.recipientRole(),
        lapse.recipientName(),
        Channel.PLATFORM_INBOX,
        "维护逾期：" + lapse.stationName() + " · " + lapse.taskName(),
        body,
        Status.RECORDED,
        clock.instant()));
  }
}
