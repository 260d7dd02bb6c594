package io.yizhan.visit;

import io.yizhan.visit.checkin.BatchCheckingIn;
import io.yizhan.visit.checkin.CheckingIn;
import io.yizhan.visit.checkin.Visits;
import io.yizhan.visit.stations.KnownStations;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class VisitServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(VisitServiceApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  BatchCheckingIn batchCheckingIn(CheckingIn rules, KnownStations stations, Visits visits) {
    return new BatchCheckingIn(rules, stations, visits);
  }

  @Bean
  CheckingIn checkingIn(KnownStations stations, Visits visits, Clock clock) {
    return new CheckingIn(stations, visits, clock);
  }
}
