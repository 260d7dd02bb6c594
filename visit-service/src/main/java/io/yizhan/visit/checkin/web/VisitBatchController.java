package io.yizhan.visit.checkin.web;

import io.yizhan.contracts.visit.VisitChannel;
import io.yizhan.support.problem.InvalidRequestException;
import io.yizhan.support.problem.TooLargeException;
import io.yizhan.support.security.Callers;
import io.yizhan.visit.checkin.BatchCheckingIn;
import io.yizhan.visit.checkin.BatchCheckingIn.Line;
import io.yizhan.visit.checkin.BatchCheckingIn.Report;
import io.yizhan.visit.checkin.CheckIn;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * District systems send visits in bulk as NDJSON: one check-in object per line, each with its own
 * {@code visitId}. The answer counts accepted, duplicate and rejected lines and gives each
 * rejected line's reasons; nothing a good line carried is lost to a bad one.
 */
@RestController
class VisitBatchController {

  private static final Set<VisitChannel> BATCH_CHANNELS =
      EnumSet.of(VisitChannel.DISTRICT_FEED, VisitChannel.MANAGER_REGISTER);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final BatchCheckingIn batch;

  VisitBatchController(BatchCheckingIn batch) {
    this.batch = batch;
  }

  /** 200 with the report when every line was read (even if some were rejected). */
  @PostMapping(path = "/api/visits/batch", consumes = {"application/x-ndjson", "application/jsonl", "text/plain"})
  Mono<ResponseEntity<Report>> checkIn(@RequestBody(required = false) @Nullable String body) {
    return Mono.defer(() -> {
      List<Line> lines = lines(body == null ? "" : body);
      return Callers.current()
          .flatMap(caller -> batch.checkIn(lines, VisitChannel.DISTRICT_FEED, BATCH_CHANNELS, caller::feedsDistrict))
          .map(report -> ResponseEntity.status(HttpStatus.OK).body(report));
    });
  }

  private static List<Line> lines(String body) {
    List<Line> lines = new ArrayList<>();
    int number = 0;
    for (String text : body.split("\n", -1)) {
      number++;
      if (text.isBlank()) {
        continue;
      }
      if (lines.size() == BatchCheckingIn.MAX_LINES) {
        throw new TooLargeException("每批最多 " + BatchCheckingIn.MAX_LINES
            + " 行；请拆分后分批上报（本批未登记任何签到）。");
      }
      try {
        lines.add(new Line(number, JSON.readValue(text, CheckIn.class), null));
      } catch (JacksonException e) {
        lines.add(new Line(number, null, e.getOriginalMessage()));
      }
    }
    if (lines.isEmpty()) {
      throw new InvalidRequestException("lines", "请求体为空：每行一条签到 JSON（NDJSON）");
    }
    return lines;
  }
}
