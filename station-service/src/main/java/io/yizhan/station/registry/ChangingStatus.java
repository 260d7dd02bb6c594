package io.yizhan.station.registry;

import io.yizhan.support.problem.InvalidRequestException;
import java.time.Clock;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** Opens, suspends, resumes, revokes or reinstates a station, by someone and for a reason. */
public class ChangingStatus {

  private final Stations stations;
  private final Clock clock;

  public ChangingStatus(Stations stations, Clock clock) {
    this.stations = stations;
    this.clock = clock;
  }

  /**
   * @param basedOnVersion when given, the change fails if the station has changed since; the
   *                       lifecycle rules alone already refuse a move from the wrong status
   */
  public Mono<Station> change(StationId id, @Nullable String action, @Nullable String by, @Nullable String reason,
      @Nullable Long basedOnVersion) {
    return Mono.defer(() -> {
      Lifecycle move = move(action);
      return stations.existing(id)
          .flatMap(station -> {
            if (basedOnVersion != null && station.version() != basedOnVersion) {
              return Mono.error(Versions.stale(station));
            }
            String who = by == null ? "" : by.strip();
            String why = reason == null ? "" : reason.strip();
            var to = move.apply(station.status(), who, why);
            return stations.changeStatus(station.withStatus(to),
                new StatusChange(station.status(), to, who, why, clock.instant()));
          });
    });
  }

  private static Lifecycle move(@Nullable String action) {
    try {
      return Lifecycle.valueOf(action == null ? "" : action.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("action", "操作应为 " + Arrays.toString(Lifecycle.values()) + " 之一");
    }
  }
}
