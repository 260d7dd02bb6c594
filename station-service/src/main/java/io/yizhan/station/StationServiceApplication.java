package io.yizhan.station;

import io.yizhan.station.finder.StationIndex;
import io.yizhan.station.importing.ImportingStations;
import io.yizhan.station.registry.AmenityCatalog;
import io.yizhan.station.registry.ChangingHours;
import io.yizhan.station.registry.ChangingStatus;
import io.yizhan.station.registry.RegisteringStation;
import io.yizhan.station.registry.Stations;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class StationServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(StationServiceApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  RegisteringStation registeringStation(Stations stations, AmenityCatalog catalog, Clock clock) {
    return new RegisteringStation(stations, catalog, clock);
  }

  @Bean
  StationIndex stationIndex() {
    return new StationIndex();
  }

  @Bean
  ImportingStations importingStations(RegisteringStation registering, Stations stations, AmenityCatalog catalog) {
    return new ImportingStations(registering, stations, catalog);
  }

  @Bean
  ChangingHours changingHours(Stations stations) {
    return new ChangingHours(stations);
  }

  @Bean
  ChangingStatus changingStatus(Stations stations, Clock clock) {
    return new ChangingStatus(stations, clock);
  }
}
