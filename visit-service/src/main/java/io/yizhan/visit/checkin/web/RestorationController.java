package io.yizhan.visit.checkin.web;

import io.yizhan.support.problem.InvalidRequestException;
import io.yizhan.support.problem.NotFoundException;
import io.yizhan.support.security.Callers;
import io.yizhan.visit.checkin.Restoration;
import io.yizhan.visit.checkin.Restorations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * After visit-service's database was restored from a backup: the visits accepted since are in
 * visit.events.v1, and this puts back each one the table lacks (docs/operations.md, "Backups and
 * restoring"). The city's (the default rule for a change).
 */
@RestController
@RequestMapping("/api/visits/restorations")
class RestorationController {

  /** The log is kept for ever, but reading years again to restore a night is a mistake to catch. */
  static final Duration LONGEST = Duration.ofDays(400);

  private final Restorations restorations;
  private final Clock clock;

  RestorationController(Restorations restorations, Clock clock) {
    this.restorations = restorations;
    this.clock = clock;
  }

  /** {@code {"since": "2026-12-05T18:00:00Z"}}: a little before the backup the database was restored from. */
  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  Mono<RestorationAnswer> start(@RequestBody RestorationRequest request) {
    Instant now = clock.instant();
    if (request.since() == null) {
      throw new InvalidRequestException("since", "请提供 since：恢复所用备份的时间，再往前留几分钟，例如 \"2026-12-05T18:00:00Z\"");
    }
    if (request.since().isAfter(now)) {
      throw new InvalidRequestException("since", "since 不能晚于现在：应为恢复所用备份的时间");
    }
    if (request.since().isBefore(now.minus(LONGEST))) {
      throw new InvalidRequestException("since", "since 早于 " + LONGEST.toDays() + " 天前：备份不会这么旧，请检查日期");
    }
    return Callers.current().flatMap(caller -> restorations.start(request.since(), caller.displayName()))
        .map(RestorationController::answer);
  }

  @GetMapping("/latest")
  Mono<RestorationAnswer> latest() {
    return restorations.latest().map(RestorationController::answer)
        .switchIfEmpty(Mono.error(() -> new NotFoundException("本实例启动以来没有补回过到访。")));
  }

  private static RestorationAnswer answer(Restoration r) {
    return new RestorationAnswer(r, r.done(), r.done()
        ? String.format("补回完成：重读 %d 条，补回表中缺少的到访 %d 次。之后请重算利用率（POST /api/utilization/rebuilds）。",
            r.read(), r.restored())
        : String.format("正在补回：已重读 %d / %d 条，补回 %d 次到访。", r.read(), r.toRead(), r.restored()));
  }

  record RestorationRequest(@Nullable Instant since) {}

  record RestorationAnswer(Restoration restoration, boolean done, String message) {}
}
