package io.yizhan.station.registry;

/**
 * Something a station offers, from the platform's catalogue.
 *
 * @param baseForCareStation   part of a care station's base standard ("eight haves", 八有)
 * @param baseForServicePoint  part of a service point's base standard ("six haves", 六有)
 */
public record Amenity(String code, String nameZh, boolean baseForCareStation, boolean baseForServicePoint) {}
