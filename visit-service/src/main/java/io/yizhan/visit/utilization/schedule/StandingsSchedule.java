package io.yizhan.visit.utilization.schedule;

import io.yizhan.visit.utilization.PublishingStandings;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code yizhan.utilization.standings.every} (15 minutes unless set), publishes the stations
 * whose busy/idle standing changed. The days judged move once a day; the rounds in between catch
 * late district feeds, changes of the registry, and a round skipped while the counts were short
 * (a backfill, a rebuild) or the service was down. A round that finds nothing costs a judging of
 * the city: about a second of one core for 1,500 stations.
 * Every instance runs the timer; a lock lets one of them publish.
 */
@Component
@ConditionalOnProperty(name = "yizhan.utilization.standings.enabled", havingValue = "true", matchIfMissing = true)
class StandingsSchedule {

  private static final Logger log = LoggerFactory.getLogger(StandingsSchedule.class);

  private final PublishingStandings publishing;

  StandingsSchedule(PublishingStandings publishing) {
    this.publishing = publishing;
  }

  @Scheduled(initialDelayString = "${yizhan.utilization.standings.first-after:PT2M}",
      fixedDelayString = "${yizhan.utilization.standings.every:PT15M}")
  void publish() {
    try {
      int published = publishing.runOnce().blockOptional(Duration.ofMinutes(5)).orElse(0);
      if (published > 0) {
        log.info("Published {} changed busy/idle standings on utilization.events.v1", published);
      }
    } catch (RuntimeException e) {
      // Nothing is remembered as published without its event: the next round publishes it.
      log.warn("Busy/idle standings round failed: {}", e.toString());
    }
  }
}
