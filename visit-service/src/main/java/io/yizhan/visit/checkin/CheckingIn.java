package io.yizhan.visit.checkin;

import io.yizhan.contracts.visit.ServiceUsed;
import io.yizhan.contracts.visit.VisitChannel;
import io.yizhan.contracts.visit.WorkerType;
import io.yizhan.support.problem.Choices;
import io.yizhan.support.problem.InvalidRequestException;
import io.yizhan.support.problem.InvalidRequestException.FieldProblem;
import io.yizhan.support.problem.StationIds;
import io.yizhan.visit.stations.KnownStations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Records one use of a station. Checks every field and reports all bad ones at once; refuses a
 * station the registry never announced; keeps personal data out.
 */
public class CheckingIn {

  /** Phone clocks drift: a visit a little in the future is accepted, more is an error. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
  /** District systems may send late, but not a year late. */
  static final Duration OLDEST = Duration.ofDays(366);
  static final int MAX_ID_LENGTH = 100;
  static final int MAX_TOKEN_LENGTH = 64;
  /** A mainland mobile number anywhere in it: such a "token" would be personal data. */
  private static final Pattern PHONE_NUMBER = Pattern.compile("1[3-9]\\d{9}");

  private final KnownStations stations;
  private final Visits visits;
  private final Clock clock;

  public CheckingIn(KnownStations stations, Visits visits, Clock clock) {
    this.stations = stations;
    this.visits = visits;
    this.clock = clock;
  }

  /**
   * @param defaultChannel how the visit came in when the check-in does not say
   * @param allowedChannels the channels this entry point may record
   */
  public Mono<CheckInResult> checkIn(CheckIn checkIn, VisitChannel defaultChannel, Set<VisitChannel> allowedChannels) {
    return checkIn(checkIn, defaultChannel, allowedChannels, ChannelCheck.NONE);
  }

  /**
   * @param defaultChannel how the visit came in when the check-in does not say
   * @param allowedChannels the channels this entry point may record
   * @param channelCheck whether the sender may claim the visit's channel at its station, asked
   *     once the fields are valid and the station is known, before anything is recorded
   */
  public Mono<CheckInResult> checkIn(
      CheckIn checkIn, VisitChannel defaultChannel, Set<VisitChannel> allowedChannels, ChannelCheck channelCheck) {
    return Mono.defer(() -> {
      List<FieldProblem> problems = new ArrayList<>();
      Visit visit = validated(checkIn, defaultChannel, allowedChannels, problems);
      if (!problems.isEmpty()) {
        return Mono.error(new InvalidRequestException("签到信息有误，请修正后重试。", problems));
      }
      return stations.findRecent(visit.stationId())
          .switchIfEmpty(Mono.error(() -> new InvalidRequestException("stationId",
              "未找到编号为 " + visit.stationId() + " 的站点：请核对站点编号，或重新扫描站点门口的二维码。")))
          .flatMap(station -> {
            channelCheck.check(visit.channel(), station);
            // A closed or revoked station still gets the visit: it is demand the union must see.
            return visits.record(visit.at(station.openAt(visit.visitedAt())));
          });
    });
  }

  /** The visit a check-in describes, or null after adding every problem with it. */
  @Nullable Visit validated(
      CheckIn c, VisitChannel defaultChannel, Set<VisitChannel> allowedChannels, List<FieldProblem> problems) {
    Instant now = clock.instant();

    String id = c.visitId() == null || c.visitId().isBlank() ? UUID.randomUUID().toString() : c.visitId().strip();
    if (id.length() > MAX_ID_LENGTH) {
      problems.add(new FieldProblem("visitId", "签到编号过长，最多 " + MAX_ID_LENGTH + " 个字符"));
    }

    UUID stationId = null;
    if (c.stationId() == null || c.stationId().isBlank()) {
      problems.add(new FieldProblem("stationId", "请提供站点编号（扫描站点门口的二维码即可获得）"));
    } else {
      try {
        stationId = StationIds.parse("stationId", c.stationId());
      } catch (InvalidRequestException e) {
        problems.addAll(e.problems());
      }
    }

    Instant visitedAt = now;
    if (c.visitedAt() != null && !c.visitedAt().isBlank()) {
      try {
        visitedAt = Instant.parse(c.visitedAt().strip());
        if (visitedAt.isAfter(now.plus(CLOCK_SKEW))) {
          problems.add(new FieldProblem("visitedAt", "签到时间晚于当前时间，请检查设备时钟"));
        } else if (visitedAt.isBefore(now.minus(OLDEST))) {
          problems.add(new FieldProblem("visitedAt", "签到时间早于一年前，无法登记"));
        }
      } catch (DateTimeParseException e) {
        problems.add(new FieldProblem("visitedAt", "时间格式应为 ISO-8601，例如 2026-11-28T08:30:00Z"));
      }
    }

    WorkerType workerType = Choices.parse(WorkerType.class, c.workerType(), "workerType", "劳动者类型", problems);

    Set<ServiceUsed> services = new LinkedHashSet<>();
    for (String service : c.services() == null ? List.<String>of() : c.services()) {
      ServiceUsed used = Choices.parse(ServiceUsed.class, service, "services", "服务项目", problems);
      if (used != null) {
        services.add(used);
      }
    }

    VisitChannel channel = c.channel() == null || c.channel().isBlank()
        ? defaultChannel
        : Choices.parse(VisitChannel.class, c.channel(), "channel", "签到方式", problems);
    if (channel != null && !allowedChannels.contains(channel)) {
      problems.add(new FieldProblem("channel", "此入口只接受 " + allowedChannels + " 方式的签到"));
    }

    String token = c.workerToken() == null || c.workerToken().isBlank() ? null : c.workerToken().strip();
    if (token != null && (token.length() > MAX_TOKEN_LENGTH || PHONE_NUMBER.matcher(token).find())) {
      problems.add(new FieldProblem("workerToken",
          "劳动者标识只能是匿名代码（不超过 " + MAX_TOKEN_LENGTH + " 个字符），不得填写姓名或手机号"));
    }

    if (!problems.isEmpty() || stationId == null || workerType == null || channel == null) {
      return null;
    }
    return new Visit(id, stationId, visitedAt, workerType, List.copyOf(services), channel, token, null);
  }
}
