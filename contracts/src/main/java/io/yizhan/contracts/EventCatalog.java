package io.yizhan.contracts;

import io.yizhan.contracts.maintenance.ActivityLogged;
import io.yizhan.contracts.maintenance.MaintenanceOverdue;
import io.yizhan.contracts.maintenance.MaintenanceRecorded;
import io.yizhan.contracts.station.StandingFlagged;
import io.yizhan.contracts.station.StationHoursChanged;
import io.yizhan.contracts.station.StationRegistered;
import io.yizhan.contracts.station.StationStatusChanged;
import io.yizhan.contracts.station.StationUpdated;
import io.yizhan.contracts.utilization.StandingChanged;
import io.yizhan.contracts.utilization.StationHourCounted;
import io.yizhan.contracts.visit.VisitRecorded;
import io.yizhan.contracts.visit.VisitReported;
import java.util.List;

/** Every event type of the platform, for documentation and contract tests. */
public final class EventCatalog {

  public static final List<EventType<?>> ALL =
      List.of(
          StationRegistered.TYPE,
          StationHoursChanged.TYPE,
          StationStatusChanged.TYPE,
          StationUpdated.TYPE,
          MaintenanceRecorded.TYPE,
          MaintenanceOverdue.TYPE,
          StandingFlagged.TYPE,
          ActivityLogged.TYPE,
          VisitRecorded.TYPE,
          VisitReported.TYPE,
          StationHourCounted.TYPE,
          StandingChanged.TYPE);

  private EventCatalog() {}
}
