package io.yizhan.notification;

import io.yizhan.notification.notices.Notices;
import io.yizhan.notification.notices.TellingChainMaintenanceIsOverdue;
import io.yizhan.notification.notices.TellingChainOfStanding;
import io.yizhan.notification.notices.TellingManagerStationIsListed;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class NotificationServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(NotificationServiceApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  TellingChainMaintenanceIsOverdue tellingChainMaintenanceIsOverdue(Notices notices, Clock clock) {
    return new TellingChainMaintenanceIsOverdue(notices, clock);
  }

  @Bean
  TellingChainOfStanding tellingChainOfStanding(Notices notices, Clock clock) {
    return new TellingChainOfStanding(notices, clock);
  }

  @Bean
  TellingManagerStationIsListed tellingManagerStationIsListed(Notices notices, Clock clock) {
    return new TellingManagerStationIsListed(notices, clock);
  }
}
