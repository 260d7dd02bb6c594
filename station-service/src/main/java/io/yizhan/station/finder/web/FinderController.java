package io.yizhan.station.finder.web;

import io.yizhan.contracts.station.StationKind;
import io.yizhan.station.finder.FinderEntry;
import io.yizhan.station.finder.Nearby;
import io.yizhan.station.finder.NearbyQuery;
import io.yizhan.station.finder.StationIndex;
import io.yizhan.hours.OpeningHours;
import io.yizhan.support.problem.InvalidRequestException;
import io.yizhan.support.problem.InvalidRequestException.FieldProblem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For workers on the street: public, anonymous, no personal data asked or kept. */
@RestController
@RequestMapping("/api/finder")
class FinderController {

  static final int MAX_RADIUS = 20_000;
  static final int MAX_RESULTS = 50;

  private final StationIndex index;
  private final Clock clock;
  private final String publicBaseUrl;

  FinderController(StationIndex index, Clock clock, @Value("${yizhan.public-base-url}") String publicBaseUrl) {
    this.index = index;
    this.clock = clock;
    this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
  }

  /**
   * The stations nearest {@code lat,lon} (WGS-84), nearest first.
   *
   * @param radius  meters, 100 to 20,000
   * @param amenity repeatable: only stations offering all of them
   */
  @GetMapping("/nearby")
  NearbyAnswer nearby(
      @RequestParam(required = false) @Nullable Double lat,
      @RequestParam(required = false) @Nullable Double lon,
      @RequestParam(defaultValue = "3000") int radius,
      @RequestParam(defaultValue = "10") int limit,
      @RequestParam(defaultValue = "false") boolean openNow,
      @RequestParam(required = false) @Nullable List<String> amenity,
      @RequestParam(required = false) @Nullable String kind) {
    List<FieldProblem> problems = new ArrayList<>();
    if (lat == null || lat < 3.8 || lat > 53.6) {
      problems.add(new FieldProblem("lat", "请提供您所在位置的纬度（WGS-84），例如 34.26"));
    }
    if (lon == null || lon < 73.5 || lon > 135.1) {
      problems.add(new FieldProblem("lon", "请提供您所在位置的经度（WGS-84），例如 108.95"));
    }
    if (radius < 100 || radius > MAX_RADIUS) {
      problems.add(new FieldProblem("radius", "搜索半径应在 100 到 " + MAX_RADIUS + " 米之间"));
    }
    if (limit < 1 || limit > MAX_RESULTS) {
      problems.add(new FieldProblem("limit", "结果数量应在 1 到 " + MAX_RESULTS + " 之间"));
    }
    StationKind stationKind = null;
    if (kind != null && !kind.isBlank()) {
      try {
        stationKind = StationKind.valueOf(kind.strip());
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("kind", "站点类型应为 " + Arrays.toString(StationKind.values()) + " 之一"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("查询条件有误，请修正后重试。", problems);
    }
    ZonedDateTime now = clock.instant().atZone(OpeningHours.CITY);
    Set<String> amenities = new LinkedHashSet<>(amenity == null ? List.of() : amenity);
    List<Nearby> found = index.nearby(new NearbyQuery(lat, lon, radius, limit, openNow, amenities, stationKind, now));
    return new NearbyAnswer(now, found.stream().map(this::result).toList());
  }

  private NearbyStation result(Nearby n) {
    FinderEntry s = n.entry();
    String name = URLEncoder.encode(s.name(), StandardCharsets.UTF_8);
    double lat = s.latitude();
    double lon = s.longitude();
    return new NearbyStation(
        s.id().toString(), s.name(), s.kind().name(), s.address(), lat, lon,
        n.distanceMeters(), n.walkingMinutes(),
        n.openState().open(), n.openState().until(), n.openState().nextOpen(),
        s.amenities(), s.contactPhone(),
        new Navigation(
            "geo:" + lat + "," + lon + "?q=" + lat + "," + lon + "(" + name + ")",
            "https://uri.amap.com/marker?position=" + lon + "," + lat + "&name=" + name + "&coordinate=wgs84&callnative=1"),
        publicBaseUrl + "/s/" + s.id());
  }

  record NearbyAnswer(ZonedDateTime at, List<NearbyStation> results) {}

  /**
   * @param until    when open: closing time (null: open around the clock)
   * @param nextOpen when closed: next opening
   */
  record NearbyStation(
      String id, String name, String kind, String address, double latitude, double longitude,
      int distanceMeters, int walkingMinutes, boolean open, @Nullable ZonedDateTime until,
      @Nullable ZonedDateTime nextOpen, List<String> amenities, @Nullable String contactPhone,
      Navigation navigation, String publicUrl) {}

  /** Links that open the phone's map app at the station: a standard geo URI and Amap's. */
  record Navigation(String geo, String amap) {}
}
