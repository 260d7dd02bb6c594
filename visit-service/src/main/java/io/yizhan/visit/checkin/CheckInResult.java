package io.yizhan.visit.checkin;

/** The visit as recorded, and whether this call recorded it or an earlier one with the same id. */
public record CheckInResult(Visit visit, boolean duplicate) {}
