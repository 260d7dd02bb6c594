package io.yizhan.visit.checkin.messaging;

import io.yizhan.contracts.visit.VisitChannel;
import io.yizhan.contracts.visit.VisitReported;
import io.yizhan.support.kafka.EventConsumers;
import io.yizhan.support.kafka.RejectedEventException;
import io.yizhan.support.problem.InvalidRequestException;
import io.yizhan.visit.checkin.CheckIn;
import io.yizhan.visit.checkin.CheckingIn;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Visits district systems produce to visit.inbound.v1 (binding {@code districtVisits}), checked
 * exactly like a check-in over HTTP. One that breaks a rule goes to visit.inbound.v1.dlq with the
 * same reasons an HTTP caller would read.
 */
@Configuration(proxyBeanMethods = false)
class DistrictFeedConsumer {

  @Bean
  Consumer<Message<byte[]>> districtVisits(CheckingIn checkingIn, EventConsumers consumers) {
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
              .onErrorMap(InvalidRequestException.class, e -> new RejectedEventException(
                  e.problems().stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; "))));
        })
        .build();
  }
}
