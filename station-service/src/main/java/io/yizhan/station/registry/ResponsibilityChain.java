package io.yizhan.station.registry;

import io.yizhan.contracts.station.Contact;
import org.jspecify.annotations.Nullable;

/**
 * The three-tier responsibility (三级负责制): the station manager runs it day to day, the regional
 * head (street, park union or sanitation company) supervises several stations, the district
 * chief (district or zone union vice-chair) answers for all stations of the district.
 * Notices and escalations go up this chain.
 */
public record ResponsibilityChain(Contact manager, @Nullable Contact regionalHead, @Nullable Contact districtChief) {}
