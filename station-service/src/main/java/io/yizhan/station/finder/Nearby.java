package io.yizhan.station.finder;

import io.yizhan.station.hours.OpenState;
import io.yizhan.station.registry.Station;

/** One station in a finder answer, with how far it is and whether it is open. */
public record Nearby(Station station, int distanceMeters, int walkingMinutes, OpenState openState) {}
