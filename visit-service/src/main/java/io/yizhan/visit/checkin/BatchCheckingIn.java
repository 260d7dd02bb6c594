package io.yizhan.visit.checkin;

import io.yizhan.contracts.visit.VisitChannel;
import io.yizhan.support.problem.InvalidRequestException.FieldProblem;
import io.yizhan.visit.stations.KnownStation;
import io.yizhan.visit.stations.KnownStations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A district system (or a manager's register) sends many visits at once. Each line stands on its
 * own: a bad line is reported with its reasons and never holds back the good ones beside it; a
 * line whose visit id was recorded before (a resend) is a duplicate, not an error. The good lines
 * are stored and announced together, in one transaction.
 */
public class BatchCheckingIn {

  public static final int MAX_LINES = 10_000;
  /** Problems listed in full; beyond, only counted, so that a wholly wrong file stays readable. */
  static final int MAX_LISTED = 1_000;

  private final CheckingIn rules;
  private final KnownStations stations;
  private final Visits visits;

  public BatchCheckingIn(CheckingIn rules, KnownStations stations, Visits visits) {
    this.rules = rules;
    this.stations = stations;
    this.visits = visits;
  }

  /**
   * One line of the batch as read: a check-in, or why the line could not be read.
   *
   * @param number 1-based, as an editor shows it
   */
  public record Line(int number, @Nullable CheckIn checkIn, @Nullable String unreadable) {}

  public record LineProblem(int line, @Nullable String visitId, List<FieldProblem> errors) {}

  /**
   * @param problems the first {@value #MAX_LISTED} rejected lines with their reasons
   */
  public record Report(int lines, int accepted, int duplicates, int rejected, List<LineProblem> problems,
      boolean problemsTruncated) {}

  /**
   * @param mayFeed whether the sender may report visits at a station of this district: a district's
   *                system its own district's stations, the city every one; a line for another
   *                district's station is rejected with the reason, the lines beside it stand
   */
  public Mono<Report> checkIn(List<Line> lines, VisitChannel defaultChannel, Set<VisitChannel> allowedChannels,
      Predicate<String> mayFeed) {
    return Mono.defer(() -> {
      // Two lists, not a map keyed by line: hashing a whole check-in per line showed in profiles.
      List<Line> validLines = new ArrayList<>();
      List<Visit> validVisits = new ArrayList<>();
      List<LineProblem> problems = new ArrayList<>();
      int[] rejected = {0};
      for (Line line : lines) {
        List<FieldProblem> found = new ArrayList<>();
        Visit visit = null;
        if (line.unreadable() != null || line.checkIn() == null) {
          found.add(new FieldProblem("line", "此行不是有效的 JSON：" + line.unreadable()));
        } else if (line.checkIn().visitId() == null || line.checkIn().visitId().isBlank()) {
          found.add(new FieldProblem("visitId", "批量上报的每一行都需要 visitId（本系统内唯一），重发时才能去重"));
        } else {
          visit = rules.validated(line.checkIn(), defaultChannel, allowedChannels, found);
        }
        if (visit == null || !found.isEmpty()) {
          reject(problems, rejected, line, found);
        } else {
          validLines.add(line);
          validVisits.add(visit);
        }
      }
      Set<UUID> stationIds = new HashSet<>();
      validVisits.forEach(v -> stationIds.add(v.stationId()));
      return stations.findAll(stationIds).flatMap(known -> {
        List<Visit> accepted = new ArrayList<>();
        Set<String> idsInBatch = new HashSet<>();
        int[] duplicates = {0};
        for (int i = 0; i < validVisits.size(); i++) {
          Line line = validLines.get(i);
          Visit visit = validVisits.get(i);
          KnownStation station = known.get(visit.stationId());
          if (station == null) {
            reject(problems, rejected, line, List.of(new FieldProblem("stationId",
                "未找到编号为 " + visit.stationId() + " 的站点，请核对站点编号")));
          } else if (!mayFeed.test(station.district())) {
            reject(problems, rejected, line, List.of(new FieldProblem("stationId",
                "站点「" + station.name() + "」属于" + station.district() + "，本账号只能报送本区县站点的到访；"
                    + "请由" + station.district() + "的系统报送")));
          } else if (!idsInBatch.add(visit.id())) {
            duplicates[0]++;
          } else {
            accepted.add(visit.at(station.openAt(visit.visitedAt())));
          }
        }
        return visits.recordAll(accepted).map(stored -> {
          problems.sort(java.util.Comparator.comparingInt(LineProblem::line));
          return new Report(lines.size(), stored.size(), duplicates[0] + accepted.size() - stored.size(),
              rejected[0], problems, rejected[0] > problems.size());
        });
      });
    });
  }

  private static void reject(List<LineProblem> problems, int[] rejected, Line line, List<FieldProblem> found) {
    rejected[0]++;
    if (problems.size() < MAX_LISTED) {
      problems.add(new LineProblem(line.number(), line.checkIn() == null ? null : line.checkIn().visitId(),
          List.copyOf(found)));
    }
  }
}
