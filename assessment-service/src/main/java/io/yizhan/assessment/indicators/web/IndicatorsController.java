package io.yizhan.assessment.indicators.web;

import io.yizhan.assessment.indicators.Indicators;
import io.yizhan.assessment.indicators.StationIndicators;
import io.yizhan.support.problem.StationIds;
import io.yizhan.support.problem.NotFoundException;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/assessments")
class IndicatorsController {

  private final Indicators indicators;

  IndicatorsController(Indicators indicators) {
    this.indicators = indicators;
  }

  @GetMapping("/stations/{id}/indicators")
  Mono<IndicatorsView> indicators(@PathVariable String id) {
    UUID stationId = StationIds.parse("id", id);
    return indicators.of(stationId)
        .switchIfEmpty(Mono.error(() -> new NotFoundException(
            "尚无编号为 " + id + " 的站点的考核指标：站点登记后几秒内才会出现，请稍后再试或核对编号。")))
        .map(IndicatorsView::of);
  }

  record IndicatorsView(
      String stationId,
      @Nullable String name,
      @Nullable String kind,
      @Nullable String district,
      @Nullable Instant listedAt,
      long visitsTotal,
      long newEmploymentVisits,
      @Nullable Double newEmploymentShare,
      @Nullable Instant firstVisitHour,
      @Nullable Instant lastVisitHour) {

    static IndicatorsView of(StationIndicators i) {
      return new IndicatorsView(i.stationId().toString(), i.name(), i.kind(), i.district(), i.listedAt(),
          i.visitsTotal(), i.newEmploymentVisits(), i.newEmploymentShare(), i.firstVisitHour(), i.lastVisitHour());
    }
  }
}
