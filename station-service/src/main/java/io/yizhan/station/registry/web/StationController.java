package io.yizhan.station.registry.web;

import io.yizhan.contracts.station.Contact;
import io.yizhan.contracts.station.Hours;
import io.yizhan.contracts.station.StationKind;
import io.yizhan.contracts.station.StationStatus;
import io.yizhan.hours.HoursConversion;
import io.yizhan.station.access.web.StationAccess;
import io.yizhan.hours.OpenState;
import io.yizhan.hours.OpeningHours;
import io.yizhan.station.registry.Amenity;
import io.yizhan.station.registry.AmenityCatalog;
import io.yizhan.station.registry.ChangingHours;
import io.yizhan.station.registry.ChangingStatus;
import io.yizhan.station.registry.EditStation;
import io.yizhan.station.registry.EditingStation;
import io.yizhan.station.registry.RegisterStation;
import io.yizhan.station.registry.RegisteringStation;
import io.yizhan.station.registry.Station;
import io.yizhan.station.registry.StationId;
import io.yizhan.station.registry.Stations;
import io.yizhan.support.problem.InvalidRequestException;
import io.yizhan.support.problem.StationIds;
import io.yizhan.support.security.Caller;
import io.yizhan.support.security.Callers;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * District unions list stations and keep them current; anyone may read them. Every station
 * answer carries its version as ETag; changes send it back as If-Match.
 */
@RestController
@RequestMapping("/api/stations")
class StationController {

  private static final int MAX_LIST = 1000;
  /** A city's network on one map; a nation's (150,000) is asked for by district. */
  private static final int MAX_LOCATIONS = 20_000;

  private final RegisteringStation registering;
  private final EditingStation editing;
  private final ChangingHours changingHours;
  private final ChangingStatus changingStatus;
  private final Stations stations;
  private final AmenityCatalog catalog;
  private final StationAccess access;
  private final Clock clock;

  StationController(RegisteringStation registering, EditingStation editing, ChangingHours changingHours, ChangingStatus changingStatus,
      Stations stations, AmenityCatalog catalog, StationAccess access, Clock clock) {
    this.access = access;
    this.registering = registering;
    this.editing = editing;
    this.changingHours = changingHours;
    this.changingStatus = changingStatus;
    this.stations = stations;
    this.catalog = catalog;
    this.clock = clock;
  }

  @PostMapping
  Mono<ResponseEntity<StationView>> register(@RequestBody RegisterStation request) {
    return access.requireManagesDistrict(request.district()).then(Mono.defer(() -> registering.register(request))).flatMap(station -> view(station)
        .map(view -> ResponseEntity.created(URI.create("/api/stations/" + station.id()))
            .eTag(String.valueOf(station.version()))
            .body(view)));
  }

  @GetMapping("/{id}")
  Mono<ResponseEntity<StationView>> get(@PathVariable String id) {
    return find(id).flatMap(this::answer);
  }

  /**
   * Replaces the station's details (all but hours and status) as a whole; If-Match must carry the
   * version the edit is based on.
   */
  @PutMapping("/{id}")
  Mono<ResponseEntity<StationView>> edit(@PathVariable String id, @RequestBody EditStation edit,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    StationId station = new StationId(StationIds.parse("id", id));
    // Both the district it is in and, if the edit moves it, the one it goes to.
    return access.requireManages(station).then(access.requireManagesDistrict(edit.district()))
        .then(Mono.defer(() -> editing.edit(station, edit, version(ifMatch)))).flatMap(this::answer);
  }

  /** Replaces the opening hours; If-Match must carry the version the change is based on. */
  @PutMapping("/{id}/hours")
  Mono<ResponseEntity<StationView>> changeHours(@PathVariable String id, @RequestBody @Nullable Hours hours,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    StationId station = new StationId(StationIds.parse("id", id));
    return access.requireManages(station).then(Mono.defer(() -> changingHours.change(station, hours, version(ifMatch))))
        .flatMap(this::answer);
  }

  /** A lifecycle move: {@code {"action": "SUSPEND", "by": "区域站长 李强", "reason": "装修"}}. */
  @PostMapping("/{id}/status")
  Mono<ResponseEntity<StationView>> changeStatus(@PathVariable String id, @RequestBody StatusRequest request,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    StationId station = new StationId(StationIds.parse("id", id));
    return access.requireManages(station)
        .then(Mono.defer(() -> changingStatus.change(station, request.action(), request.by(), request.reason(),
            version(ifMatch))))
        .flatMap(this::answer);
  }

  @GetMapping
  Flux<StationView> list(@RequestParam(required = false) @Nullable String district,
      @RequestParam(defaultValue = "200") int limit) {
    int bounded = Math.max(1, Math.min(limit, MAX_LIST));
    Flux<Station> found = district == null || district.isBlank()
        ? stations.all(bounded)
        : stations.inDistrict(district, bounded);
    return Mono.zip(Callers.current(), catalog.all()).flatMapMany(known -> found.map(station ->
        StationView.of(station, known.getT2(), now(), seesPhones(known.getT1(), station))));
  }

  /**
   * Where every station stands, as a GeoJSON FeatureCollection (positions as [longitude, latitude]):
   * what a map of the network draws, a few hundred bytes a station where the full views above are
   * kilobytes. Maps of other services' figures (utilization) join on {@code stationId}.
   */
  @GetMapping(value = "/locations", produces = {"application/geo+json", "application/json"})
  Mono<Map<String, Object>> locations(@RequestParam(required = false) @Nullable String district) {
    Flux<Station> found = district == null || district.isBlank()
        ? stations.all(MAX_LOCATIONS + 1)
        : stations.inDistrict(district.strip(), MAX_LOCATIONS + 1);
    return found.map(StationController::feature).collectList().map(features -> {
      Map<String, Object> collection = new LinkedHashMap<>();
      collection.put("type", "FeatureCollection");
      collection.put("features", features.size() > MAX_LOCATIONS ? features.subList(0, MAX_LOCATIONS) : features);
      // A foreign member (RFC 7946 §6.1): the map is missing stations, ask for one district at a time.
      collection.put("truncated", features.size() > MAX_LOCATIONS);
      return collection;
    });
  }

  private static Map<String, Object> feature(Station s) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("stationId", s.id().toString());
    properties.put("name", s.name());
    properties.put("kind", s.kind().name());
    properties.put("district", s.district());
    properties.put("status", s.status().name());
    properties.put("capacity", s.capacity());
    return Map.of("type", "Feature", "id", s.id().toString(), "properties", properties,
        "geometry", Map.of("type", "Point", "coordinates", List.of(s.location().longitude(), s.location().latitude())));
  }

  /** The amenities a station may list, and which make up each kind's base standard. */
  @GetMapping("/amenities")
  Mono<List<Amenity>> amenities() {
    return catalog.all();
  }

  record StatusRequest(@Nullable String action, @Nullable String by, @Nullable String reason) {}

  private Mono<Station> find(String id) {
    return stations.existing(new StationId(StationIds.parse("id", id)));
  }

  private Mono<ResponseEntity<StationView>> answer(Station station) {
    return view(station).map(view -> ResponseEntity.ok().eTag(String.valueOf(station.version())).body(view));
  }

  private Mono<StationView> view(Station station) {
    return Mono.zip(Callers.current(), catalog.all())
        .map(known -> StationView.of(station, known.getT2(), now(), seesPhones(known.getT1(), station)));
  }

  /**
   * The chain's phones are people's own numbers: for whoever runs the station, its district's
   * union and system, and the city. Anyone signed in sees the names.
   */
  private static boolean seesPhones(Caller caller, Station station) {
    return caller.runsStation(station.id().toString(), station.district()) || caller.feedsDistrict(station.district());
  }

  private ZonedDateTime now() {
    return clock.instant().atZone(OpeningHours.CITY);
  }

  /** The version in an If-Match header: {@code "3"}, {@code W/"3"} or {@code 3}. */
  private static @Nullable Long version(@Nullable String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(ifMatch.strip().replaceFirst("^W/", "").replace("\"", ""));
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("If-Match", "If-Match 应为读取站点时得到的 ETag，例如 \"3\"");
    }
  }

  record BaseStandard(String name, boolean met, List<String> missing) {}

  /** @param phone null for a caller who may not see it (see {@code seesPhones}) */
  record ContactView(String name, @Nullable String phone) {

    static @Nullable ContactView of(@Nullable Contact contact, boolean phone) {
      return contact == null ? null : new ContactView(contact.name(), phone ? contact.phone() : null);
    }
  }

  record OpenNow(boolean open, @Nullable ZonedDateTime until, @Nullable ZonedDateTime nextOpen) {}

  record StationView(
      String id,
      String name,
      String kind,
      @Nullable String buildMode,
      @Nullable String partner,
      String district,
      @Nullable String areaType,
      String address,
      double latitude,
      double longitude,
      int capacity,
      @Nullable String contactPhone,
      List<String> photoUrls,
      Hours hours,
      OpenNow openNow,
      List<String> amenities,
      BaseStandard baseStandard,
      ContactView manager,
      @Nullable ContactView regionalHead,
      @Nullable ContactView districtChief,
      String status,
      long version,
      Instant registeredAt) {

    static StationView of(Station s, List<Amenity> catalog, ZonedDateTime now, boolean phones) {
      List<String> missing = AmenityCatalog.missingBase(catalog, s.kind(), s.amenities()).stream()
          .map(Amenity::nameZh).toList();
      OpenState state = s.status() == StationStatus.ACTIVE
          ? s.hours().stateAt(now)
          : new OpenState(false, null, null);
      return new StationView(
          s.id().toString(), s.name(), s.kind().name(),
          s.buildMode() == null ? null : s.buildMode().name(), s.partner(), s.district(),
          s.areaType() == null ? null : s.areaType().name(), s.address(),
          s.location().latitude(), s.location().longitude(), s.capacity(), s.contactPhone(), s.photoUrls(),
          HoursConversion.write(s.hours()), new OpenNow(state.open(), state.until(), state.nextOpen()),
          s.amenities(),
          new BaseStandard(s.kind() == StationKind.CARE_STATION ? "八有" : "六有",
              missing.isEmpty(), missing),
          ContactView.of(s.chain().manager(), phones), ContactView.of(s.chain().regionalHead(), phones),
          ContactView.of(s.chain().districtChief(), phones),
          s.status().name(), s.version(), s.registeredAt());
    }
  }
}
