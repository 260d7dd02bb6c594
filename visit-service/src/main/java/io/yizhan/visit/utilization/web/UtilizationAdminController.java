package io.yizhan.visit.utilization.web;

import io.yizhan.contracts.visit.WorkerType;
import io.yizhan.support.security.Callers;
import io.yizhan.support.problem.InvalidRequestException;
import io.yizhan.support.problem.InvalidRequestException.FieldProblem;
import io.yizhan.support.problem.NotFoundException;
import io.yizhan.support.problem.StationIds;
import io.yizhan.visit.utilization.CityTime;
import io.yizhan.visit.utilization.CountingBacklog;
import io.yizhan.visit.utilization.CountingProgress;
import io.yizhan.visit.utilization.Rebuild;
import io.yizhan.visit.utilization.Rebuilds;
import io.yizhan.visit.utilization.Reconciliation;
import io.yizhan.visit.utilization.UtilizationStore;
import io.yizhan.visit.utilization.UtilizationStore.Filter;
import io.yizhan.visit.utilization.WorkerMixes;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Keeping utilization right: how far counting is behind, reconciliation with accepted visits,
 * rebuilds, the expected worker mix.
 */
@RestController
@RequestMapping("/api/utilization")
class UtilizationAdminController {

  private static final int MISMATCH_PAGE = 100;

  private final UtilizationStore store;
  private final Rebuilds rebuilds;
  private final WorkerMixes mixes;
  private final CountingProgress counting;
  private final Clock clock;

  UtilizationAdminController(UtilizationStore store, Rebuilds rebuilds, WorkerMixes mixes, CountingProgress counting,
      Clock clock) {
    this.store = store;
    this.rebuilds = rebuilds;
    this.mixes = mixes;
    this.counting = counting;
    this.clock = clock;
  }

  /**
   * How many accepted visits are not counted yet, and when they will be: every figure is short by
   * them meanwhile. Open, as the figures are; measured at most every two seconds for everyone.
   */
  @GetMapping("/counting")
  Mono<CountingAnswer> counting() {
    return counting.backlog().map(b -> new CountingAnswer(b.waiting(), b.behind(), b.countedPerSecond(),
        b.secondsToCatchUp(), b.measuredAt(), countingMessage(b)));
  }

  record CountingAnswer(long waiting, boolean behind, @Nullable Long countedPerSecond, @Nullable Long secondsToCatchUp,
      Instant measuredAt, String message) {}

  static String countingMessage(CountingBacklog b) {
    if (b.waiting() == 0) {
      return "统计及时：已受理的到访都已计入。";
    }
    if (!b.behind()) {
      return "统计及时：已受理的到访都已计入或正在计入（在途约 " + thousands(b.waiting()) + " 次）。";
    }
    String waiting = "正在统计：还有约 " + thousands(b.waiting()) + " 次已受理的到访尚未计入，本页数字暂时偏少";
    Long eta = b.secondsToCatchUp();
    if (eta != null) {
      return waiting + "。每秒计入约 " + thousands(b.countedPerSecond() == null ? 0 : b.countedPerSecond())
          + " 次，预计" + duration(eta) + "后计完。";
    }
    Long counted = b.countedPerSecond();
    Long shrinking = b.shrinkingPerSecond();
    if (counted == null || shrinking == null) {
      return waiting + "。正在估算还需多久，请稍候。";
    }
    if (counted == 0) {
      return waiting + "，计数暂时停顿。若持续数分钟，请联系运维检查 visit-service 与数据库。";
    }
    // Not shrinking while counting goes on: visits arrive faster than they are counted (a backfill,
    // a district's large feed). The ops team's alert waits ten minutes for the same reason.
    return waiting + "。新到访仍在大量涌入（每秒新到约 " + thousands(counted - shrinking) + " 次，计入约 "
        + thousands(counted) + " 次），涌入过后即可计完；若十分钟后仍未减少，请联系运维检查 visit-service 与数据库。";
  }

  private static String thousands(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String duration(long seconds) {
    if (seconds < 60) {
      return " " + Math.max(1, seconds) + " 秒";
    }
    if (seconds < 3600) {
      return " " + (seconds + 59) / 60 + " 分钟";
    }
    return " " + String.format(Locale.ROOT, "%.1f", seconds / 3600.0) + " 小时";
  }

  /**
   * Accepted visits against counted ones, per station and hour. {@code from}/{@code to} are instants
   * or dates (whole city days); by default today so far.
   */
  @GetMapping("/reconciliation")
  Mono<ReconciliationAnswer> reconciliation(@RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String station,
      @RequestParam(required = false) @Nullable String district) {
    Instant start = from == null || from.isBlank()
        ? CityTime.dayOf(clock.instant()).atStartOfDay(CityTime.ZONE).toInstant() : instant("from", from, false);
    Instant end = to == null || to.isBlank() ? clock.instant().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS)
        : instant("to", to, true);
    if (!end.isAfter(start)) {
      throw new InvalidRequestException("to", "结束时间应晚于开始时间");
    }
    Filter filter = station != null && !station.isBlank() ? Filter.station(StationIds.parse("station", station))
        : district != null && !district.isBlank() ? Filter.district(district.strip()) : Filter.all();
    return store.reconcile(filter, start.truncatedTo(ChronoUnit.HOURS), end, MISMATCH_PAGE)
        .map(r -> new ReconciliationAnswer(r, r.balanced(), r.balanced()
            ? "一致：每一条已接收的到访都恰好计入一次。"
            : "不一致：" + r.mismatchedHours() + " 个站点小时的计数与已接收到访不符。最近几秒的到访可能仍在计入途中，"
                + "请稍后再查；仍不一致时请重算（POST /api/utilization/rebuilds）。"));
  }

  record ReconciliationAnswer(Reconciliation totals, boolean balanced, String verdict) {}

  private static Instant instant(String field, String text, boolean endOfDay) {
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException notAnInstant) {
      LocalDate day = UtilizationController.date(field, text);
      return (endOfDay ? day.plusDays(1) : day).atStartOfDay(CityTime.ZONE).toInstant();
    }
  }

  /**
   * Recounts utilization from visit.events.v1's beginning; no utilization events during the replay.
   * Recorded as started by the caller's token (its display name).
   */
  @PostMapping("/rebuilds")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Mono<RebuildAnswer> rebuild() {
    return Callers.current().flatMap(caller -> rebuilds.start(caller.displayName())).map(this::answer);
  }

  @GetMapping("/rebuilds/latest")
  Mono<RebuildAnswer> latestRebuild() {
    return rebuilds.latest().map(this::answer)
        .switchIfEmpty(Mono.error(() -> new NotFoundException("尚未进行过重算。")));
  }

  private RebuildAnswer answer(Rebuild r) {
    return new RebuildAnswer(r, Math.round(r.progress() * 1000) / 10.0, Math.round(r.recordsPerSecond(clock.instant())),
        switch (r.state()) {
          case RUNNING -> String.format("正在重算：已回放 %d / %d 条（%.1f%%）。期间利用率数据不完整。",
              r.replayed(), r.target(), r.progress() * 100);
          case DONE -> String.format("重算完成：回放 %d 条，计入 %d 次到访，跳过重复 %d 条。", r.replayed(), r.counted(),
              r.duplicates());
          case FAILED -> String.valueOf(r.failure());
        });
  }

  record RebuildAnswer(Rebuild rebuild, double percent, long recordsPerSecond, String message) {}

  /** The expected mix of outdoor workers in a district, e.g. {"SANITATION":0.3,"FOOD_DELIVERY":0.25,…}. */
  @PutMapping("/worker-mix/{district}")
  Mono<Map<WorkerType, Double>> saveMix(@PathVariable String district, @RequestBody Map<String, Double> shares) {
    List<FieldProblem> problems = new ArrayList<>();
    Map<WorkerType, Double> mix = new EnumMap<>(WorkerType.class);
    shares.forEach((type, share) -> {
      WorkerType worker = io.yizhan.support.problem.Choices.parse(WorkerType.class, type, type, "劳动者类型", problems);
      if (share == null || share < 0) {
        problems.add(new FieldProblem(type, "占比应为不小于 0 的数"));
      } else if (worker != null) {
        mix.put(worker, share);
      }
    });
    if (problems.isEmpty() && mix.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
      problems.add(new FieldProblem("shares", "至少一种劳动者类型的占比应大于 0"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("劳动者构成有误，请修正后重试。", problems);
    }
    return mixes.save(district.strip(), mix).then(mixes.all()).map(all -> all.get(district.strip()));
  }

  @GetMapping("/worker-mix")
  Mono<Map<String, Map<WorkerType, Double>>> mixes() {
    return mixes.all();
  }
}
