package io.yizhan.visit.checkin.persistence;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Where a group of check-ins spends its transaction: BEGIN and the insert, the wait for Kafka's
 * acknowledgement (ADR 13), and the COMMIT. One group runs at a time, so every millisecond here
 * is a millisecond each check-in waiting behind it also waits; the split tells which of the
 * database and the broker a slow check-in waited on.
 */
final class GroupStages {

  private final Timer insert;
  private final Timer log;
  private final Timer commit;

  GroupStages(MeterRegistry meters) {
    this.insert = stage(meters, "insert", "BEGIN and the insert of the group's new visits");
    this.log = stage(meters, "log", "Sending the group's events and waiting for Kafka's acknowledgement");
    this.commit = stage(meters, "commit", "From the acknowledgement to the end of the COMMIT");
  }

  private static Timer stage(MeterRegistry meters, String stage, String description) {
    return Timer.builder("yizhan.visits.check-in.group.stage")
        .description(description)
        .tag("stage", stage)
        // A few buckets, so that stalls can be counted: one slower than 25 ms holds every check-in behind it.
        .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250))
        .register(meters);
  }

  Timing start() {
    return new Timing();
  }

  /** One group's laps; a stage that did not end (the transaction failed) is not recorded. */
  final class Timing {

    private long lapStarted;

    void begun() {
      lapStarted = System.nanoTime();
    }

    void stored() {
      lap(insert);
    }

    void logged() {
      lap(log);
    }

    void committed() {
      lap(commit);
    }

    private void lap(Timer stage) {
      long now = System.nanoTime();
      stage.record(now - lapStarted, TimeUnit.NANOSECONDS);
      lapStarted = now;
    }
  }
}
