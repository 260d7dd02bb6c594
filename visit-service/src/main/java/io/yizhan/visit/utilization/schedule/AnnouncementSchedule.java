package io.yizhan.visit.utilization.schedule;

import io.yizhan.visit.utilization.UtilizationStore;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code yizhan.utilization.announce-every} (5 s unless set), publishes where each
 * station-hour changed since the last round now stands: one event per station-hour and round,
 * however many visits it got in between.
 */
@Component
class AnnouncementSchedule {

  static final int MAX_PER_ROUND = 5_000;
  private static final Logger log = LoggerFactory.getLogger(AnnouncementSchedule.class);

  private final UtilizationStore store;

  AnnouncementSchedule(UtilizationStore store) {
    this.store = store;
  }

  @Scheduled(initialDelayString = "${yizhan.utilization.announce-every:PT5S}",
      fixedDelayString = "${yizhan.utilization.announce-every:PT5S}")
  void announce() {
    try {
      int announced;
      do {
        announced = store.announceChanges(MAX_PER_ROUND).blockOptional(Duration.ofMinutes(1)).orElse(0);
      } while (announced >= MAX_PER_ROUND);
    } catch (RuntimeException e) {
      // Marks are cleared only with their outbox rows: the next round announces what this one did not.
      log.warn("Utilization announcement round failed: {}", e.toString());
    }
  }
}
