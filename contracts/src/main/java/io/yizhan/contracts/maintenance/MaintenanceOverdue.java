package io.yizhan.contracts.maintenance;

import io.yizhan.contracts.EventType;
import io.yizhan.contracts.Require;
import io.yizhan.contracts.Topics;
import io.yizhan.contracts.station.Contact;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A maintenance task of a station is past due and has reached a tier of the responsibility chain
 * (三级负责制): first the station manager, later the regional head, last the district chief.
 * Published once per task, due date and tier, so a consumer tells each person once.
 *
 * @param dueAt       when the task fell due: the last time it was done (or the station opened)
 *                    plus the task's interval
 * @param lastDoneAt  null when the task was never recorded
 * @param escalatedTo who must act now; {@code contact} is that person
 */
public record MaintenanceOverdue(
    String stationId,
    String stationName,
    String district,
    String task,
    String taskName,
    Instant dueAt,
    @Nullable Instant lastDoneAt,
    int overdueDays,
    Tier escalatedTo,
    Contact contact) {

  public static final EventType<MaintenanceOverdue> TYPE =
      new EventType<>("maintenance.overdue", 1, Topics.STATION_EVENTS, MaintenanceOverdue.class);

  /** The three tiers of responsibility, in the order an overdue task climbs them. */
  public enum Tier {
    STATION_MANAGER,
    REGIONAL_HEAD,
    DISTRICT_CHIEF
  }

  public MaintenanceOverdue {
    Require.text(stationId, "stationId");
    Require.text(stationName, "stationName");
    Require.text(district, "district");
    Require.text(task, "task");
    Require.text(taskName, "taskName");
    Require.present(dueAt, "dueAt");
    Require.present(escalatedTo, "escalatedTo");
    Require.present(contact, "contact");
    if (overdueDays < 0) {
      throw new IllegalArgumentException("overdueDays must not be negative");
    }
  }
}
