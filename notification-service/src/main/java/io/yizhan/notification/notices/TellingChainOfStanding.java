package io.yizhan.notification.notices;

import io.yizhan.contracts.station.StandingFlagged;
import io.yizhan.contracts.station.StandingFlagged.Recipient;
import io.yizhan.notification.notices.Notice.Channel;
import io.yizhan.notification.notices.Notice.NoticeKind;
import io.yizhan.notification.notices.Notice.RecipientRole;
import io.yizhan.notification.notices.Notice.Status;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * When a station becomes overloaded or idle, or its hours miss the workers, the people
 * station-service named are told what the figures say and what they could do: the manager to act
 * on the station, the tier above to see to what the manager cannot do alone (seats, another
 * station nearby, hours agreed with the district union). One notice per event and person.
 */
public class TellingChainOfStanding {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

  private final Notices notices;
  private final Clock clock;

  public TellingChainOfStanding(Notices notices, Clock clock) {
    this.notices = notices;
    this.clock = clock;
  }

  public Mono<Void> tell(UUID eventId, StandingFlagged flagged) {
    return Flux.fromIterable(flagged.recipients()).concatMap(recipient -> notices.add(notice(eventId, flagged, recipient)))
        .then();
  }

  private Notice notice(UUID eventId, StandingFlagged f, Recipient recipient) {
    RecipientRole role = RecipientRole.valueOf(recipient.tier().name());
    boolean manager = role == RecipientRole.STATION_MANAGER;
    String weeks = "近四周（" + DAY.format(f.from()) + "至" + DAY.format(f.to()) + "）";
    StringBuilder body = new StringBuilder(recipient.contact().name()).append("，您好：\n");
    String subject;
    switch (f.flag()) {
      case OVERLOADED -> {
        subject = "站点使用超负荷：" + f.stationName();
        figures(body, f, weeks, "使用已超负荷");
        body.append(manager
            ? "请合理安排高峰时段的接待，并与区域站长或总站长商定具体办法。"
            : "请与站点管理员一起研究分流办法，必要时向区县工会提出增设站点。");
      }
      case UNDERUSED -> {
        subject = "站点使用偏少：" + f.stationName();
        figures(body, f, weeks, "使用明显偏少");
        body.append(manager
            ? "请向附近的环卫工人、快递员、外卖骑手和网约车司机宣传本站，并核对开放时间与位置信息是否准确。"
            : "请督促站点管理员做好宣传，评估开放时间与选址是否合适。");
      }
      case CLOSED_WHEN_NEEDED -> {
        subject = "开放时间待调整：" + f.stationName();
        body.append("「").append(f.stationName()).append("」（").append(f.district()).append("）").append(weeks)
            .append("有 ").append(Math.round(f.outsideHoursShare() * 100)).append("% 的到访发生在站点未开放的时段，")
            .append("开放时间与户外劳动者的需要不符。\n")
            .append("在驿站运营看板中打开本站，可查看按星期和时段的到访需求与建议开放时间。")
            .append(manager ? "请据此与区县工会商定调整开放时间。" : "请督促落实开放时间的调整。");
      }
      default -> throw new IllegalStateException("unknown flag " + f.flag());
    }
    return new Notice(
        // Derived from the cause, so the same event always yields the same notice id.
        UUID.nameUUIDFromBytes((eventId + "/" + role).getBytes(StandardCharsets.UTF_8)),
        UUID.fromString(f.stationId()),
        f.district(),
        eventId,
        NoticeKind.STANDING_FLAGGED,
        role,
        recipient.contact().name(),
        Channel.PLATFORM_INBOX,
        subject,
        body.toString(),
        Status.RECORDED,
        clock.instant());
  }

  /** The station's visits in the days judged, the verdict, visit-service's reasons and its suggestion. */
  private static void figures(StringBuilder body, StandingFlagged f, String weeks, String verdict) {
    body.append("「").append(f.stationName()).append("」（").append(f.district()).append("）").append(weeks)
        .append("到访 ").append(f.visits()).append(" 人次，").append(verdict).append("：\n");
    f.reasons().forEach(reason -> body.append("· ").append(reason).append("\n"));
    String action = f.action();
    if (action != null) {
      body.append("建议：").append(action).append(action.endsWith("。") ? "" : "。").append("\n");
    }
  }
}
