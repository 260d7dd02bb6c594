package io.yizhan.visit.checkin.messaging;

import io.yizhan.contracts.visit.VisitChannel;
import io.yizhan.contracts.visit.VisitReported;
import io.yizhan.support.kafka.EventConsumers;
import io.yizhan.support.kafka.RejectedEventException;
import io.yizhan.support.problem.InvalidRequestException;
import io.yizhan.visit.checkin.CheckIn;
import io.yizhan.visit.checkin.CheckingIn;
import io.yizhan.visit.checkin.FeedRejection;
import io.yizhan.visit.checkin.FeedRejections;
import io.yizhan.visit.stations.KnownStation;
import io.yizhan.visit.stations.KnownStations;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

/**
 * Visits district systems produce to visit.inbound.v1 (binding {@code districtVisits}), checked
 * exactly like a check-in over HTTP. One that breaks a rule goes to visit.inbound.v1.dlq with the
 * same reasons an HTTP caller would read, and is kept with them for its district to read
 * ({@code GET /api/visits/feed-rejections}).
 */
@Configuration(proxyBeanMethods = false)
class DistrictFeedConsumer {

  @Bean
  Consumer<Message<byte[]>> districtVisits(CheckingIn checkingIn, EventConsumers consumers, FeedRejections rejections,
      KnownStations stations, Clock clock) {
    return consumers.named("district-feed")
        .on(VisitReported.TYPE, event -> {
          VisitReported v = event.data();
          CheckIn checkIn = new CheckIn(
              v.visitId(),
              v.stationId(),
              v.visitedAt().toString(),
              v.workerType().name(),
              v.services().stream().map(Enum::name).toList(),
              VisitChannel.DISTRICT_FEED.name(),
              v.workerToken());
          return checkingIn.checkIn(checkIn, VisitChannel.DISTRICT_FEED, Set.of(VisitChannel.DISTRICT_FEED))
              .onErrorResume(InvalidRequestException.class, e -> {
                String reason = e.problems().stream().map(p -> p.field() + ": " + p.message())
                    .collect(Collectors.joining("; "));
                // Kept for the district to read before it goes to the DLQ: if keeping fails, the
                // record is retried like any failed handling, and kept once (by its event id).
                return districtOf(v.stationId(), stations)
                    .map(Optional::of).defaultIfEmpty(Optional.empty())
                    .flatMap(district -> rejections.record(new FeedRejection(event.eventId(), clock.instant(),
                        district.orElse(null), v.stationId(), v.visitId(), reason)))
                    .then(Mono.error(new RejectedEventException(reason)));
              });
        })
        .build();
  }

  /** The station's district, if the replica knows the station. */
  private static Mono<String> districtOf(String stationId, KnownStations stations) {
    try {
      return stations.find(UUID.fromString(stationId)).map(KnownStation::district);
    } catch (IllegalArgumentException notAnId) {
      return Mono.empty();
    }
  }
}
