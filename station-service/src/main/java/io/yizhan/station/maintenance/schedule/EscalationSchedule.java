package io.yizhan.station.maintenance.schedule;

import io.yizhan.station.maintenance.EscalatingOverdueTasks;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs escalation rounds every {@code yizhan.maintenance.escalation.every} (15 minutes unless
 * set). Every instance runs the timer; the round's lease lets one of them do the work.
 */
@Component
@ConditionalOnProperty(name = "yizhan.maintenance.escalation.enabled", havingValue = "true", matchIfMissing = true)
class EscalationSchedule {

  private static final Logger log = LoggerFactory.getLogger(EscalationSchedule.class);

  private final EscalatingOverdueTasks escalating;

  EscalationSchedule(EscalatingOverdueTasks escalating) {
    this.escalating = escalating;
  }

  @Scheduled(initialDelayString = "${yizhan.maintenance.escalation.first-after:PT1M}",
      fixedDelayString = "${yizhan.maintenance.escalation.every:PT15M}")
  void escalate() {
    try {
      int announced;
      // A backlog (the first round on a big registry) is worked off in bounded rounds at once.
      do {
        announced = escalating.runOnce().blockOptional(Duration.ofMinutes(2)).orElse(0);
        if (announced > 0) {
          log.info("Announced {} overdue maintenance escalations", announced);
        }
      } while (announced >= EscalatingOverdueTasks.MAX_PER_ROUND);
    } catch (RuntimeException e) {
      // The next round retries; nothing was announced without being remembered, or vice versa.
      log.warn("Maintenance escalation round failed: {}", e.toString());
    }
  }
}
