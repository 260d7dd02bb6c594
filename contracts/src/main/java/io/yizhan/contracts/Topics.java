package io.yizhan.contracts;

/**
 * Every Kafka topic of the platform. One topic per producing stream, keyed by station id. A
 * breaking change to a payload is a new topic with the next suffix, run side by side.
 */
public final class Topics {

  /** Owned by station-service: registry and lifecycle of stations. */
  public static final String STATION_EVENTS = "station.events.v1";

  /** Owned by visit-service: every accepted visit. */
  public static final String VISIT_EVENTS = "visit.events.v1";

  /** Written by district systems: visits they collected; read by visit-service. */
  public static final String VISIT_INBOUND = "visit.inbound.v1";

  /** Owned by visit-service: derived utilization figures. */
  public static final String UTILIZATION_EVENTS = "utilization.events.v1";

  /** Owned by assessment-service: star levels and assessment results. */
  public static final String ASSESSMENT_EVENTS = "assessment.events.v1";

  /** Owned by notification-service: the audit of notices it delivered. */
  public static final String NOTIFICATION_EVENTS = "notification.events.v1";

  /** Partitions of every topic: enough to scale consumers out to a dozen instances. */
  public static final int PARTITIONS = 12;

  /** The dead-letter topic beside a topic: records that could not be read or applied. */
  public static String deadLetter(String topic) {
    return topic + ".dlq";
  }

  private Topics() {}
}
