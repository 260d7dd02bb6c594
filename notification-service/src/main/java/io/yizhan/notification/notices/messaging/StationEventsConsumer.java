package io.yizhan.notification.notices.messaging;

import io.yizhan.contracts.station.StationRegistered;
import io.yizhan.notification.notices.StationListing;
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
  Consumer<Message<byte[]>> stationEvents(TellingManagerStationIsListed telling, EventConsumers consumers) {
    return consumers.named("station-notices")
        .on(StationRegistered.TYPE, event -> {
          StationRegistered s = event.data();
          return telling.tell(new StationListing(event.eventId(), UUID.fromString(s.stationId()), s.name(),
              s.district(), s.manager().name(), s.manager().phone()));
        })
        .build();
  }
}
