package io.yizhan.station.registry;

import io.yizhan.hours.HoursConversion;
import io.yizhan.support.problem.InvalidRequestException;
import io.yizhan.support.problem.InvalidRequestException.FieldProblem;
import io.yizhan.support.problem.PreconditionRequiredException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A district union corrects or updates a station's details: everything a registration holds
 * except its opening hours and status, which have their own changes. The edit replaces the
 * details as a whole, is checked by the same rules as a registration and must name the version
 * it was based on.
 */
public class EditingStation {

  private final Stations stations;
  private final AmenityCatalog catalog;
  private final RegisteringStation rules;

  public EditingStation(Stations stations, AmenityCatalog catalog, RegisteringStation rules) {
    this.stations = stations;
    this.catalog = catalog;
    this.rules = rules;
  }

  public Mono<Station> edit(StationId id, EditStation edit, @Nullable Long basedOnVersion) {
    return Mono.defer(() -> {
      if (basedOnVersion == null) {
        throw new PreconditionRequiredException(
            "修改站点信息需带上 If-Match 请求头，值为读取站点时得到的 ETag，以免覆盖他人同时所做的修改。");
      }
      return stations.existing(id)
          .zipWith(catalog.all())
          .flatMap(found -> {
            Station current = found.getT1();
            List<FieldProblem> problems = new ArrayList<>();
            if (edit.by() == null || edit.by().isBlank()) {
              problems.add(new FieldProblem("by", "请填写修改人，例如「碑林区总工会 刘洋」"));
            }
            // Hours and status are carried over: the rules check them as in a registration.
            Station details = rules.validated(edit.details(HoursConversion.write(current.hours())),
                found.getT2().stream().map(Amenity::code).collect(Collectors.toSet()), problems);
            if (current.version() != basedOnVersion) {
              return Mono.error(Versions.stale(current));
            }
            return stations.update(current.withDetailsOf(details), edit.by().strip());
          });
    });
  }

  /** Refuses the fields that have their own change, rather than silently ignoring them. */
  static void refuseOwnChanges(EditStation edit) {
    List<FieldProblem> problems = new ArrayList<>();
    if (edit.hours() != null) {
      problems.add(new FieldProblem("hours", "开放时间请通过 PUT /api/stations/{id}/hours 修改"));
    }
    if (edit.status() != null) {
      problems.add(new FieldProblem("status", "站点状态请通过 POST /api/stations/{id}/status 变更"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("这两项不能在此修改。", problems);
    }
  }
}
