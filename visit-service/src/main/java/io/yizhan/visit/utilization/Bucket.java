package io.yizhan.visit.utilization;

import java.time.LocalDateTime;

/** The counts of one hour, day, week or month starting at {@code start} (city time). */
public record Bucket(LocalDateTime start, Tally tally) {}
