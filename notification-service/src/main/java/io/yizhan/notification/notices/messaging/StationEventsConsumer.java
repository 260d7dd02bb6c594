package io.yizhan.notification.notices.messaging;

import io.yizhan.contracts.station.StationRegistered;
import io.yizhan.contracts.maintenance.MaintenanceOverdue;
import io.yizhan.contracts.station.StandingFlagged;
import io.yizhan.notification.notices.MaintenanceLapse;
import io.yizhan.notification.notices.Notice.RecipientRole;
import io.yizhan.notification.notices.StationListing;
import io.yizhan.notification.notices.TellingChainMaintenanceIsOverdue;
import io.yizhan.notification.notices.TellingChainOfStanding;
import io.yizhan.notification.notices.TellingManagerStationIsListed;
import io.yizhan.support.kafka.EventConsumers;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Station events that warrant telling someone (binding {@code stationEvents}). */
@Configuration(proxyBeanMethods = false)
class StationEventsConsumer {

  @Bean
  Consumer<Message<byte[]>> stationEvents(TellingManagerStationIsListed telling,
      TellingChainMaintenanceIsOverdue tellingLapse, TellingChainOfStanding tellingStanding,
      EventConsumers consumers) {
    return consumers.named("station-notices")
        .on(StationRegistered.TYPE, event -> {
          StationRegistered s = event.data();
          return telling.tell(new StationListing(event.eventId(), UUID.fromString(s.stationId()), s.name(),
              s.district(), s.manager().name()));
        })
        .on(MaintenanceOverdue.TYPE, event -> {
          MaintenanceOverdue o = event.data();
          return tellingLapse.tell(new MaintenanceLapse(event.eventId(), UUID.fromString(o.stationId()),
              o.stationName(), o.district(), o.taskName(), o.overdueDays(), o.lastDoneAt(),
              RecipientRole.valueOf(o.escalatedTo().name()), o.contact().name()));
        })
        .on(StandingFlagged.TYPE, event -> tellingStanding.tell(event.eventId(), event.data()))
        .build();
  }
}
