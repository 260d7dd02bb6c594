package io.yizhan.visit.checkin.messaging;

import io.yizhan.contracts.EventType;
import io.yizhan.contracts.visit.VisitChannel;
import io.yizhan.contracts.visit.VisitReported;
import io.yizhan.support.kafka.DeadLetter;
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
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Visits district systems produce to visit.inbound.v1 (binding {@code districtVisits}), checked
 * exactly like a check-in over HTTP: the payload is read field by field as text, the way a line
 * of {@code POST /api/visits/batch} is, so an unknown worker type or a time in the future is
 * refused with the words an HTTP caller reads. One that breaks a rule, or cannot be read at all,
 * goes to visit.inbound.v1.dlq with the reason, and is kept with it for its district to read
 * ({@code GET /api/visits/feed-rejections}): the station is the payload's, or the record's key
 * (the contract keys records by station) when the payload cannot be read.
 */
@Configuration(proxyBeanMethods = false)
class DistrictFeedConsumer {

  /** visit.reported as a check-in of text fields, which {@link CheckingIn} checks one by one. */
  private static final EventType<CheckIn> REPORTED = new EventType<>(VisitReported.TYPE.name(),
      VisitReported.TYPE.version(), VisitReported.TYPE.topic(), CheckIn.class);

  @Bean
  Consumer<Message<byte[]>> districtVisits(CheckingIn checkingIn, EventConsumers consumers, FeedRejections rejections,
      KnownStations stations, Clock clock) {
    return consumers.named("district-feed")
        .on(REPORTED, event -> {
          CheckIn reported = event.data();
          if (reported.visitedAt() == null || reported.visitedAt().isBlank()) {
            // Over HTTP a check-in without a time happened now; a district reports visits it
            // collected earlier, so the contract requires the time.
            return Mono.error(new RejectedEventException(
                "visitedAt: 区县上报的到访须带到访时间，格式为 ISO-8601，例如 2026-11-28T08:30:00Z"));
          }
          return checkingIn.checkIn(reported, VisitChannel.DISTRICT_FEED, Set.of(VisitChannel.DISTRICT_FEED))
              .onErrorMap(InvalidRequestException.class, e -> new RejectedEventException(e.problems().stream()
                  .map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; "))));
        })
        // Kept before it goes to the DLQ: if keeping fails, the record is retried like any failed
        // handling, and kept once (by its event id, or where it sits in the topic).
        .beforeDeadLetter(letter -> {
          @Nullable String stationId = text(letter, "stationId").orElse(letter.key());
          return districtOf(stationId, stations)
              .map(Optional::of).defaultIfEmpty(Optional.empty())
              .flatMap(district -> rejections.record(new FeedRejection(letter.id(), clock.instant(),
                  district.orElse(null), stationId, text(letter, "visitId").orElse(null), letter.reason())));
        })
        .build();
  }

  /** A text field of the payload, when its envelope could be read and the field is text. */
  private static Optional<String> text(DeadLetter letter, String field) {
    return Optional.ofNullable(letter.envelope())
        .map(envelope -> envelope.data().get(field))
        .filter(JsonNode::isString)
        .map(JsonNode::asString);
  }

  /** The station's district, if the replica knows the station. */
  private static Mono<String> districtOf(@Nullable String stationId, KnownStations stations) {
    if (stationId == null) {
      return Mono.empty();
    }
    try {
      return stations.find(UUID.fromString(stationId.strip())).map(KnownStation::district);
    } catch (IllegalArgumentException notAnId) {
      return Mono.empty();
    }
  }
}
