package io.yizhan.contracts.maintenance;

import io.yizhan.contracts.EventType;
import io.yizhan.contracts.Require;
import io.yizhan.contracts.Topics;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A station manager recorded a maintenance task done: the fact that restarts the task's due
 * interval and that assessment counts under staffing and management.
 *
 * @param task a task kind code such as {@code CLEANING}; the kinds are data in station-service
 */
public record MaintenanceRecorded(
    String recordId, String stationId, String task, Instant doneAt, String by, @Nullable String note) {

  public static final EventType<MaintenanceRecorded> TYPE =
      new EventType<>("maintenance.recorded", 1, Topics.STATION_EVENTS, MaintenanceRecorded.class);

  public MaintenanceRecorded {
    Require.text(recordId, "recordId");
    Require.text(stationId, "stationId");
    Require.text(task, "task");
    Require.present(doneAt, "doneAt");
    Require.text(by, "by");
  }
}
