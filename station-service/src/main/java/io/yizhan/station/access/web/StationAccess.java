package io.yizhan.station.access.web;

import io.yizhan.station.registry.StationId;
import io.yizhan.station.registry.Stations;
import io.yizhan.support.security.Caller;
import io.yizhan.support.security.Callers;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The object-level checks: the path rules let a district admin change stations, these let them
 * change only their own district's. Each completes with the caller, or fails with a 403 that says
 * who may do it; an unknown station is a 404 as before.
 */
@Component
public class StationAccess {

  private final Stations stations;

  StationAccess(Stations stations) {
    this.stations = stations;
  }

  /** The city or this district's union, for listing a station there (a missing district is the validation's to report). */
  public Mono<Caller> requireManagesDistrict(@Nullable String district) {
    return Callers.current().doOnNext(caller -> {
      if (district != null && !district.isBlank()) {
        caller.requireManagesDistrict(district.strip());
      }
    });
  }

  /** The city or the union of the station's district: details, hours, lifecycle. */
  public Mono<Caller> requireManages(StationId station) {
    return Mono.zip(Callers.current(), stations.existing(station)).map(found -> {
      found.getT1().requireManagesDistrict(found.getT2().district());
      return found.getT1();
    });
  }

  /** Also the station's own manager or regional head: maintenance, activities. */
  public Mono<Caller> requireRuns(StationId station) {
    return Mono.zip(Callers.current(), stations.existing(station)).map(found -> {
      found.getT1().requireRunsStation(station.toString(), found.getT2().district());
      return found.getT1();
    });
  }
}
