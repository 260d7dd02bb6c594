package io.yizhan.visit.utilization;

import java.time.LocalDate;
import java.util.UUID;

/** How many visits a station had on one day (Asia/Shanghai). */
public record DailyVisits(UUID stationId, LocalDate day, long visits) {}
