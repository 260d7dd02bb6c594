package io.yizhan.contracts.station;

import io.yizhan.contracts.EventType;
import io.yizhan.contracts.Require;
import io.yizhan.contracts.Topics;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A district union edited a station's details. Carries every detail as it now stands, not only
 * what changed, so a replica simply overwrites its copy; {@code version} orders edits of one
 * station. Opening hours and status have their own events ({@link StationHoursChanged},
 * {@link StationStatusChanged}).
 */
public record StationUpdated(
    String stationId,
    long version,
    String name,
    StationKind kind,
    String district,
    String address,
    double latitude,
    double longitude,
    int capacity,
    Contact manager,
    @Nullable Contact regionalHead,
    @Nullable Contact districtChief,
    @Nullable BuildMode buildMode,
    @Nullable String partner,
    @Nullable AreaType areaType,
    @Nullable String contactPhone,
    List<String> photoUrls,
    List<String> amenities,
    String by) {

  public static final EventType<StationUpdated> TYPE =
      new EventType<>("station.updated", 1, Topics.STATION_EVENTS, StationUpdated.class);

  public StationUpdated {
    Require.text(stationId, "stationId");
    Require.text(name, "name");
    Require.present(kind, "kind");
    Require.text(district, "district");
    Require.text(address, "address");
    Require.present(manager, "manager");
    Require.text(by, "by");
    photoUrls = photoUrls == null ? List.of() : List.copyOf(photoUrls);
    amenities = amenities == null ? List.of() : List.copyOf(amenities);
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
  }
}
