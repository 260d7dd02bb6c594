package io.yizhan.notification.notices.messaging;

import io.yizhan.contracts.station.StationRegistered;
import io.yizhan.notification.notices.StationListing;
import io.yizhan.notification.notices.TellingManagerStationIsListed;
import io.yizhan.support.inbox.Inbox;
import io.yizhan.support.kafka.DeadLetters;
import io.yizhan.support.kafka.EventHandlers;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Station events that warrant telling someone (binding {@code stationEvents}). */
@Configuration(proxyBeanMethods = false)
class StationEventsConsumer {

  @Bean
  Consumer<Message<byte[]>> stationEvents(TellingManagerStationIsListed telling, Inbox inbox, DeadLetters deadLetters) {
    return EventHandlers.consumer("station-notices", inbox, deadLetters)
        .on(StationRegistered.TYPE, event -> {
          StationRegistered s = event.data();
          return telling.tell(new StationListing(event.eventId(), UUID.fromString(s.stationId()), s.name(),
              s.district(), s.manager().name(), s.manager().phone()));
        })
        .build();
  }
}
