package io.yizhan.notification.notices;

import io.yizhan.notification.notices.Notice.Channel;
import io.yizhan.notification.notices.Notice.NoticeKind;
import io.yizhan.notification.notices.Notice.RecipientRole;
import io.yizhan.notification.notices.Notice.Status;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * When a station is listed, its manager is told: what the platform now shows of the station and
 * what is expected of them. Written in Chinese, the manager's language.
 */
public class TellingManagerStationIsListed {

  private final Notices notices;
  private final Clock clock;

  public TellingManagerStationIsListed(Notices notices, Clock clock) {
    this.notices = notices;
    this.clock = clock;
  }

  public Mono<Void> tell(StationListing listing) {
    String body = listing.managerName() + "，您好：\n"
        + "您负责的站点「" + listing.stationName() + "」（" + listing.district() + "）已在驿站平台登记上线，"
        + "户外劳动者现在可以通过地图查找并扫码签到。\n"
        + "请核对站点信息与开放时间是否准确，并按时完成设备维护、物资补充、环境清洁和服务登记。";
    return notices.add(new Notice(
        // Derived from the cause, so the same event always yields the same notice id.
        UUID.nameUUIDFromBytes((listing.eventId() + "/" + RecipientRole.STATION_MANAGER)
            .getBytes(StandardCharsets.UTF_8)),
        listing.stationId(),
        listing.district(),
        listing.eventId(),
        NoticeKind.STATION_LISTED,
        RecipientRole.STATION_MANAGER,
        listing.managerName(),
        Channel.PLATFORM_INBOX,
        "站点已上线：" + listing.stationName(),
        body,
        Status.RECORDED,
        clock.instant()));
  }
}
