package io.yizhan.visit;

import io.yizhan.visit.checkin.BatchCheckingIn;
import io.yizhan.visit.checkin.CheckingIn;
import io.yizhan.visit.checkin.Visits;
import io.yizhan.visit.stations.KnownStations;
import io.yizhan.visit.utilization.CountingProgress;
import io.yizhan.visit.utilization.PublishingStandings;
import io.yizhan.visit.utilization.Rebuilds;
import io.yizhan.visit.utilization.StandingsLog;
import io.yizhan.visit.utilization.UtilizationReports;
import io.yizhan.visit.utilization.UtilizationStore;
import io.yizhan.visit.utilization.WorkerMixes;
import java.time.Clock;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class VisitServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(VisitServiceApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** The broker's admin client: how far consumers are behind, and moving them back for a rebuild or a restoration. */
  @Bean(destroyMethod = "close")
  Admin kafkaAdminClient(KafkaAdmin kafkaAdmin) {
    return Admin.create(kafkaAdmin.getConfigurationProperties());
  }

  @Bean
  BatchCheckingIn batchCheckingIn(CheckingIn rules, KnownStations stations, Visits visits) {
    return new BatchCheckingIn(rules, stations, visits);
  }

  /** The thresholds of the classifications: proposals, {@code yizhan.utilization.rules.*} overrides them. */
  @Bean
  @ConfigurationProperties("yizhan.utilization.rules")
  UtilizationRulesProperties utilizationRulesProperties() {
    return new UtilizationRulesProperties();
  }

  @Bean
  UtilizationReports utilizationReports(UtilizationStore store, KnownStations stations, WorkerMixes mixes,
      UtilizationRulesProperties rules) {
    return new UtilizationReports(store, stations, mixes, rules.toRules());
  }

  @Bean
  PublishingStandings publishingStandings(UtilizationReports reports, StandingsLog log, Rebuilds rebuilds,
      CountingProgress counting, Clock clock) {
    return new PublishingStandings(reports, log, rebuilds, counting, clock);
  }

  @Bean
  CheckingIn checkingIn(KnownStations stations, Visits visits, Clock clock) {
    return new CheckingIn(stations, visits, clock);
  }
}
