package io.yizhan.station.maintenance;

import java.time.Clock;
import reactor.core.publisher.Mono;

/**
 * Publishes each overdue task to the tier of the responsibility chain it has reached, once per
 * tier and due date. Run on a schedule; safe to run on every instance at once.
 */
public class EscalatingOverdueTasks {

  /** Bounds one round's transaction; the next round picks up the rest. */
  public static final int MAX_PER_ROUND = 2_000;

  private final Maintenance maintenance;
  private final Escalation escalation;
  private final Clock clock;

  public EscalatingOverdueTasks(Maintenance maintenance, Escalation escalation, Clock clock) {
    this.maintenance = maintenance;
    this.escalation = escalation;
    this.clock = clock;
  }

  /** @return how many escalations this round announced */
  public Mono<Integer> runOnce() {
    return maintenance.escalate(clock.instant(), escalation, MAX_PER_ROUND);
  }
}
