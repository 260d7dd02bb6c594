package io.yizhan.notification.notices;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One message to one person about one station.
 *
 * @param district the station's district when the notice was written, whose union may read it; null
 *     on notices written before it was kept (session 41), which only the city and the station's own
 *     people may read
 * @param causeEventId the event that made us write it; one notice per event and recipient role
 *     <p>No phone number: the inbox, the only channel, needs none, and what nobody reads is not kept
 *     (ADR 21). A channel that needs one reads it from station-service when it sends.
 */
public record Notice(
    UUID id,
    UUID stationId,
    @Nullable String district,
    UUID causeEventId,
    NoticeKind kind,
    RecipientRole recipientRole,
    String recipientName,
    Channel channel,
    String subject,
    String body,
    Status status,
    Instant createdAt) {

  public enum NoticeKind {
    STATION_LISTED,
    MAINTENANCE_OVERDUE,
    /** The station became overloaded or idle, or its hours miss the workers. */
    STANDING_FLAGGED
  }

  /** The three tiers of responsibility (三级负责制). */
  public enum RecipientRole {
    STATION_MANAGER,
    REGIONAL_HEAD,
    DISTRICT_CHIEF
  }

  /** Where the notice is shown or sent. Only the platform inbox exists so far. */
  public enum Channel {
    PLATFORM_INBOX
  }

  public enum Status {
    /** Written to the recipient's inbox on the platform. */
    RECORDED
  }
}
