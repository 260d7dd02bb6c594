package io.yizhan.station.activities;

import io.yizhan.station.registry.StationId;
import java.time.LocalDate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The activities log. Logging one stores it and announces {@code activity.logged}, both or neither. */
public interface Activities {

  Mono<Activity> log(Activity activity);

  /** A station's activities held between the two dates (inclusive), latest first. */
  Flux<Activity> ofStation(StationId station, LocalDate from, LocalDate to, int limit);
}
