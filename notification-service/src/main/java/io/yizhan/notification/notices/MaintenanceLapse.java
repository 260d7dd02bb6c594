package io.yizhan.notification.notices;

import io.yizhan.notification.notices.Notice.RecipientRole;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An overdue maintenance task that has reached a person in the responsibility chain. */
public record MaintenanceLapse(
    UUID eventId,
    UUID stationId,
    String stationName,
    String district,
    String taskName,
    int overdueDays,
    @Nullable Instant lastDoneAt,
    RecipientRole recipientRole,
    String recipientName) {}
