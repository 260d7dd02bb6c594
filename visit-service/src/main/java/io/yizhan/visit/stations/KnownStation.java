package io.yizhan.visit.stations;

import java.time.Instant;
import java.util.UUID;

/** A station as visit-service needs to know it. */
public record KnownStation(UUID id, String name, String kind, String district, int capacity, Instant registeredAt) {}
