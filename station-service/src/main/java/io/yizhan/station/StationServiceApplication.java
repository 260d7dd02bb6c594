package io.yizhan.station;

import io.yizhan.station.coverage.ComputingCoverage;
import io.yizhan.station.coverage.PlanningAreas;
import io.yizhan.station.finder.StationIndex;
import io.yizhan.station.importing.ImportingStations;
import io.yizhan.station.registry.AmenityCatalog;
import io.yizhan.station.registry.ChangingHours;
import io.yizhan.station.registry.ChangingStatus;
import io.yizhan.station.registry.EditingStation;
import io.yizhan.station.registry.RegisteringStation;
import io.yizhan.station.registry.Stations;
import io.yizhan.station.activities.Activities;
import io.yizhan.station.activities.LoggingActivity;
import io.yizhan.station.maintenance.EscalatingOverdueTasks;
import io.yizhan.station.maintenance.Escalation;
import io.yizhan.station.maintenance.Maintenance;
import io.yizhan.station.maintenance.OverdueReport;
import io.yizhan.station.maintenance.RecordingMaintenance;
import io.yizhan.station.standings.NotingStandings;
import io.yizhan.station.standings.Standings;
import io.yizhan.station.standings.TellingRules;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@EnableScheduling
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
  EditingStation editingStation(Stations stations, AmenityCatalog catalog, RegisteringStation rules) {
    return new EditingStation(stations, catalog, rules);
  }

  @Bean
  ChangingHours changingHours(Stations stations) {
    return new ChangingHours(stations);
  }

  @Bean
  Escalation escalation(@Value("${yizhan.maintenance.escalation.to-regional-head:P7D}") Duration toRegionalHead,
      @Value("${yizhan.maintenance.escalation.to-district-chief:P30D}") Duration toDistrictChief) {
    return new Escalation(toRegionalHead, toDistrictChief);
  }

  @Bean
  RecordingMaintenance recordingMaintenance(Maintenance maintenance, Stations stations, Clock clock) {
    return new RecordingMaintenance(maintenance, stations, clock);
  }

  @Bean
  EscalatingOverdueTasks escalatingOverdueTasks(Maintenance maintenance, Escalation escalation, Clock clock) {
    return new EscalatingOverdueTasks(maintenance, escalation, clock);
  }

  @Bean
  OverdueReport overdueReport(Maintenance maintenance, Escalation escalation, Clock clock) {
    return new OverdueReport(maintenance, escalation, clock);
  }

  @Bean
  LoggingActivity loggingActivity(Activities activities, Stations stations, Clock clock) {
    return new LoggingActivity(activities, stations, clock);
  }

  @Bean
  ComputingCoverage computingCoverage(PlanningAreas areas, StationIndex index, Stations stations,
      Standings standings) {
    return new ComputingCoverage(areas, index, stations, standings);
  }

  @Bean
  ChangingStatus changingStatus(Stations stations, Clock clock) {
    return new ChangingStatus(stations, clock);
  }

  @Bean
  TellingRules tellingRules(@Value("${yizhan.standings.quiet:P28D}") Duration quiet,
      @Value("${yizhan.standings.stale:P2D}") Duration stale) {
    return new TellingRules(quiet, stale);
  }

  @Bean
  NotingStandings notingStandings(Standings standings, Stations stations, TellingRules rules, Clock clock) {
    return new NotingStandings(standings, stations, rules, clock);
  }
}
