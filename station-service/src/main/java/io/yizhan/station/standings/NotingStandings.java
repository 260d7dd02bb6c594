package io.yizhan.station.standings;

import io.yizhan.contracts.station.StandingFlagged;
import io.yizhan.contracts.station.StandingFlagged.Flag;
import io.yizhan.contracts.station.StationStatus;
import io.yizhan.contracts.utilization.StandingChanged;
import io.yizhan.station.registry.Station;
import io.yizhan.station.registry.StationId;
import io.yizhan.station.registry.Stations;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps each standing visit-service publishes and tells the responsibility chain of the flags it
 * raises ({@link TellingRules}). Only stations in service are told about: a standing read after the
 * station was suspended or revoked is kept and tells nobody.
 */
public class NotingStandings {

  private final Standings standings;
  private final Stations stations;
  private final TellingRules rules;
  private final Clock clock;

  public NotingStandings(Standings standings, Stations stations, TellingRules rules, Clock clock) {
    this.standings = standings;
    this.stations = stations;
    this.rules = rules;
    this.clock = clock;
  }

  /**
   * In the caller's transaction, so that the standing kept, the flags noted and their events
   * commit with the record of having read it.
   *
   * @param judgedAt when visit-service judged it
   * @return the flags told
   */
  public Mono<List<Flag>> note(StationId stationId, StandingChanged changed, Instant judgedAt) {
    Standing standing = new Standing(stationId, changed.level(), changed.closedWhenNeeded(), changed.from(),
        changed.to(), judgedAt);
    return standings.known(stationId).flatMap(known -> {
      Standing before = known.standing();
      if (before != null && before.judgedAt().isAfter(judgedAt)) {
        // Read after a later one (a replay, or two instances of visit-service): the kept one stands.
        return Mono.just(List.<Flag>of());
      }
      Instant now = clock.instant();
      List<Flag> flags = rules.flagsToTell(standing, before, known.lastTold(), now);
      Mono<List<Flag>> told = flags.isEmpty()
          ? Mono.just(List.of())
          : stations.find(stationId)
              .filter(station -> station.status() == StationStatus.ACTIVE)
              .flatMap(station -> Flux.fromIterable(flags)
                  .concatMap(flag -> standings.tell(flagged(station, flag, changed), now))
                  .then(Mono.just(flags)))
              .defaultIfEmpty(List.of());
      return standings.keep(standing).then(told);
    });
  }

  private static StandingFlagged flagged(Station station, Flag flag, StandingChanged changed) {
    return new StandingFlagged(station.id().toString(), station.name(), station.district(), flag, changed.level(),
        changed.from(), changed.to(), changed.visits(), changed.visitsPerSeatPerDay(), changed.vsDistrictMedian(),
        changed.peakOccupancy(), changed.outsideHoursShare(), changed.reasons(), changed.action(),
        TellingRules.recipients(station.chain()));
  }
}
