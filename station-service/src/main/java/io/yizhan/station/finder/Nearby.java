package io.yizhan.station.finder;

import io.yizhan.hours.OpenState;

/** One station in a finder answer, with how far it is and whether it is open. */
public record Nearby(FinderEntry entry, int distanceMeters, int walkingMinutes, OpenState openState) {}
