package io.yizhan.station.registry.web;

import io.yizhan.station.registry.RegisterStation;
import io.yizhan.station.registry.RegisteringStation;
import io.yizhan.station.registry.Station;
import io.yizhan.station.registry.StationId;
import io.yizhan.station.registry.Stations;
import io.yizhan.support.problem.StationIds;
import io.yizhan.support.problem.NotFoundException;
import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** District unions list stations; anyone may read them. */
@RestController
@RequestMapping("/api/stations")
class StationController {

  private static final int MAX_LIST = 1000;

  private final RegisteringStation registering;
  private final Stations stations;

  StationController(RegisteringStation registering, Stations stations) {
    this.registering = registering;
    this.stations = stations;
  }

  @PostMapping
  Mono<ResponseEntity<StationView>> register(@RequestBody StationRequest request) {
    return registering.register(request.toCommand())
        .map(station -> ResponseEntity.created(URI.create("/api/stations/" + station.id()))
            .eTag(String.valueOf(station.version()))
            .body(StationView.of(station)));
  }

  @GetMapping("/{id}")
  Mono<ResponseEntity<StationView>> get(@PathVariable String id) {
    StationId stationId = new StationId(StationIds.parse("id", id));
    return stations.find(stationId)
        .switchIfEmpty(Mono.error(() -> new NotFoundException("未找到编号为 " + id + " 的站点，请核对站点编号。")))
        .map(station -> ResponseEntity.ok().eTag(String.valueOf(station.version())).body(StationView.of(station)));
  }

  @GetMapping
  Flux<StationView> list(@RequestParam(required = false) @Nullable String district,
      @RequestParam(defaultValue = "200") int limit) {
    int bounded = Math.max(1, Math.min(limit, MAX_LIST));
    Flux<Station> found = district == null || district.isBlank()
        ? stations.all(bounded)
        : stations.inDistrict(district, bounded);
    return found.map(StationView::of);
  }


  /** The JSON a district union sends; absent fields are reported, not defaulted. */
  record StationRequest(
      @Nullable String name,
      @Nullable String kind,
      @Nullable String district,
      @Nullable String address,
      @Nullable Double latitude,
      @Nullable Double longitude,
      @Nullable Integer capacity,
      @Nullable Person manager) {

    RegisterStation toCommand() {
      return new RegisterStation(name, kind, district, address, latitude, longitude, capacity,
          manager == null ? null : manager.name(), manager == null ? null : manager.phone());
    }
  }

  record Person(@Nullable String name, @Nullable String phone) {}

  record StationView(
      String id,
      String name,
      String kind,
      String district,
      String address,
      double latitude,
      double longitude,
      int capacity,
      Person manager,
      long version,
      Instant registeredAt) {

    static StationView of(Station s) {
      return new StationView(
          s.id().toString(), s.name(), s.kind().name(), s.district(), s.address(),
          s.location().latitude(), s.location().longitude(), s.capacity(),
          new Person(s.manager().name(), s.manager().phone()), s.version(), s.registeredAt());
    }
  }
}
