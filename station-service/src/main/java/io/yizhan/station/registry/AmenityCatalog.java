package io.yizhan.station.registry;

import io.yizhan.contracts.station.StationKind;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Mono;

/** The amenities stations may list, kept as data so the union can change its standards. */
public interface AmenityCatalog {

  /** Every amenity, in display order. */
  Mono<List<Amenity>> all();

  /** The base standard's items a station of this kind lacks, given what it has. */
  static List<Amenity> missingBase(List<Amenity> catalog, StationKind kind, Collection<String> has) {
    Set<String> present = Set.copyOf(has);
    return catalog.stream()
        .filter(a -> kind == StationKind.CARE_STATION ? a.baseForCareStation() : a.baseForServicePoint())
        .filter(a -> !present.contains(a.code()))
        .toList();
  }
}
