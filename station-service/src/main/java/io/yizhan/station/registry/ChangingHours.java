package io.yizhan.station.registry;

import io.yizhan.contracts.station.Hours;
import io.yizhan.hours.HoursConversion;
import io.yizhan.hours.OpeningHours;
import io.yizhan.support.problem.InvalidRequestException;
import io.yizhan.support.problem.InvalidRequestException.FieldProblem;
import io.yizhan.support.problem.PreconditionRequiredException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A station manager or district union replaces a station's opening hours. The change must name
 * the version it was based on, so a concurrent edit is detected rather than lost.
 */
public class ChangingHours {

  private final Stations stations;

  public ChangingHours(Stations stations) {
    this.stations = stations;
  }

  public Mono<Station> change(StationId id, @Nullable Hours hours, @Nullable Long basedOnVersion) {
    return Mono.defer(() -> {
      if (basedOnVersion == null) {
        throw new PreconditionRequiredException(
            "修改开放时间需带上 If-Match 请求头，值为读取站点时得到的 ETag，以免覆盖他人同时所做的修改。");
      }
      List<FieldProblem> problems = new ArrayList<>();
      OpeningHours newHours = HoursConversion.read(hours, "hours", (field, message) -> problems.add(new FieldProblem(field, message)));
      if (newHours == null) {
        throw new InvalidRequestException("开放时间有误，请修正后重新提交。", problems);
      }
      return stations.existing(id)
          .flatMap(station -> {
            if (station.version() != basedOnVersion) {
              return Mono.error(Versions.stale(station));
            }
            return stations.changeHours(station.withHours(newHours));
          });
    });
  }
}
