package io.yizhan.station.standings;

import io.yizhan.contracts.station.StandingFlagged;
import io.yizhan.contracts.station.StandingFlagged.Flag;
import io.yizhan.station.registry.StationId;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The standings kept and the flags told. Every call joins the caller's transaction. */
public interface Standings {

  /** What is known of a station: its standing kept and when each of its flags was last told. */
  record Known(@Nullable Standing standing, Map<Flag, Instant> lastTold) {}

  /** Reads what is known of the station and holds it until the transaction ends. */
  Mono<Known> known(StationId station);

  /** Keeps {@code standing} as the station's latest. */
  Mono<Void> keep(Standing standing);

  /**
   * The stations whose latest standing is overloaded: more workers come than their seats can
   * take, so being within their reach is not being served.
   */
  Flux<StationId> overloaded();

  /** Notes the flag told at {@code at} and announces it on station.events.v1. */
  Mono<Void> tell(StandingFlagged flagged, Instant at);
}
