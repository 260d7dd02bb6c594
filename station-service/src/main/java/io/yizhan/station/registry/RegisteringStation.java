package io.yizhan.station.registry;

import io.yizhan.contracts.station.AreaType;
import io.yizhan.contracts.station.BuildMode;
import io.yizhan.contracts.station.Contact;
import io.yizhan.contracts.station.StationKind;
import io.yizhan.contracts.station.StationStatus;
import io.yizhan.hours.HoursConversion;
import io.yizhan.hours.OpeningHours;
import io.yizhan.station.registry.RegisterStation.Person;
import io.yizhan.support.problem.Choices;
import io.yizhan.support.problem.InvalidRequestException;
import io.yizhan.support.problem.InvalidRequestException.FieldProblem;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** A district union lists a new station; every bad field is reported at once, in Chinese. */
public class RegisteringStation {

  static final int MAX_CAPACITY = 500;
  static final int MAX_PHOTOS = 20;

  private final Stations stations;
  private final AmenityCatalog catalog;
  private final Clock clock;

  public RegisteringStation(Stations stations, AmenityCatalog catalog, Clock clock) {
    this.stations = stations;
    this.catalog = catalog;
    this.clock = clock;
  }

  public Mono<Station> register(RegisterStation command) {
    return catalog.all()
        .map(amenities -> validated(command, amenities.stream().map(Amenity::code).collect(Collectors.toSet())))
        .flatMap(stations::register);
  }

  /**
   * The station the command describes, or every problem with it.
   *
   * @throws InvalidRequestException naming each bad field
   */
  public Station validated(RegisterStation c, Set<String> knownAmenities) {
    return validated(c, knownAmenities, new ArrayList<>());
  }

  /** As {@link #validated(RegisterStation, Set)}, adding to problems found before (while reading a file, say). */
  public Station validated(RegisterStation c, Set<String> knownAmenities, List<FieldProblem> problems) {
    String name = text(c.name(), "name", "请填写站点名称", problems);
    StationKind kind = Choices.parse(StationKind.class, c.kind(), "kind", "站点类型（爱心驿站 / 爱心服务点）", problems);
    BuildMode buildMode = Choices.parse(BuildMode.class, c.buildMode(), "buildMode",
        "建设方式（工会自建 / 政府兴建 / 社会助建 / 集成共建）", problems);
    String partner = blankToNull(c.partner());
    if (buildMode != null && buildMode != BuildMode.UNION_BUILT && partner == null) {
      problems.add(new FieldProblem("partner", "共建站点请填写共建单位名称"));
    }
    String district = text(c.district(), "district", "请填写所属区县或开发区", problems);
    AreaType areaType = Choices.parse(AreaType.class, c.areaType(), "areaType", "区域类型（主城区 / 周边区县 / 开发区）", problems);
    String address = text(c.address(), "address", "请填写详细地址", problems);
    GeoPoint location = location(c.latitude(), c.longitude(), problems);
    if ((c.capacity() == null || c.capacity() < 1 || c.capacity() > MAX_CAPACITY) && !hasProblem(problems, "capacity")) {
      problems.add(new FieldProblem("capacity", "请填写座位数，1 到 " + MAX_CAPACITY + " 之间"));
    }
    List<String> photos = photos(c.photoUrls(), problems);
    OpeningHours hours = HoursConversion.read(c.hours(), "hours",
        (field, message) -> problems.add(new FieldProblem(field, message)));
    List<String> amenities = amenities(c.amenities(), knownAmenities, problems);
    Contact manager = person(c.manager(), "manager", "站点管理员", true, problems);
    Contact regionalHead = person(c.regionalHead(), "regionalHead", "区域站长", false, problems);
    Contact districtChief = person(c.districtChief(), "districtChief", "总站长", false, problems);
    StationStatus status = c.status() == null || c.status().isBlank()
        ? StationStatus.ACTIVE
        : Choices.parse(StationStatus.class, c.status(), "status", "初始状态", problems);
    if (status != null && status != StationStatus.ACTIVE && status != StationStatus.PLANNED) {
      problems.add(new FieldProblem("status", "新登记的站点只能是 PLANNED（筹建中）或 ACTIVE（运行中）"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("站点信息有误，请修正后重新提交。", problems);
    }
    return new Station(StationId.generate(), name, kind, buildMode, partner, district, areaType, address, location,
        c.capacity(), blankToNull(c.contactPhone()), photos, hours, amenities,
        new ResponsibilityChain(manager, regionalHead, districtChief), status, 1, clock.instant());
  }

  private static @Nullable GeoPoint location(@Nullable Double latitude, @Nullable Double longitude, List<FieldProblem> problems) {
    if (hasProblem(problems, "latitude") || hasProblem(problems, "longitude")) {
      return null;
    }
    if (latitude == null) {
      problems.add(new FieldProblem("latitude", "请填写纬度（WGS-84）"));
    }
    if (longitude == null) {
      problems.add(new FieldProblem("longitude", "请填写经度（WGS-84）"));
    }
    if (latitude == null || longitude == null) {
      return null;
    }
    GeoPoint location = new GeoPoint(latitude, longitude);
    if (!location.isInChina()) {
      problems.add(new FieldProblem("latitude",
          "坐标不在中国境内，请检查经纬度是否填反或漏填（纬度约 34.26，经度约 108.95 为西安市区）"));
    }
    return location;
  }

  private static List<String> photos(@Nullable List<String> urls, List<FieldProblem> problems) {
    List<String> photos = urls == null ? List.of() : urls;
    if (photos.size() > MAX_PHOTOS) {
      problems.add(new FieldProblem("photoUrls", "照片最多 " + MAX_PHOTOS + " 张"));
    }
    for (int i = 0; i < photos.size(); i++) {
      String url = photos.get(i);
      boolean web;
      try {
        URI uri = URI.create(url == null ? "" : url);
        web = ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
      } catch (IllegalArgumentException e) {
        web = false;
      }
      if (!web) {
        problems.add(new FieldProblem("photoUrls[" + i + "]", "照片地址应为 http(s) 网址"));
      }
    }
    return photos;
  }

  private static List<String> amenities(@Nullable List<String> codes, Set<String> known, List<FieldProblem> problems) {
    Set<String> amenities = new LinkedHashSet<>(codes == null ? List.of() : codes);
    for (String code : amenities) {
      if (!known.contains(code)) {
        problems.add(new FieldProblem("amenities", "未知的设施 " + code + "；可选项见 GET /api/stations/amenities"));
      }
    }
    return List.copyOf(amenities);
  }

  private static @Nullable Contact person(@Nullable Person person, String field, String role, boolean required,
      List<FieldProblem> problems) {
    if (person == null || (blankToNull(person.name()) == null && blankToNull(person.phone()) == null)) {
      if (required) {
        problems.add(new FieldProblem(field + ".name", "请填写" + role + "姓名"));
        problems.add(new FieldProblem(field + ".phone", "请填写" + role + "联系电话"));
      }
      return null;
    }
    String name = text(person.name(), field + ".name", "请填写" + role + "姓名", problems);
    String phone = text(person.phone(), field + ".phone", "请填写" + role + "联系电话", problems);
    return name.isEmpty() || phone.isEmpty() ? null : new Contact(name, phone);
  }

  /** Whether a caller (reading a spreadsheet cell, say) already reported this field. */
  private static boolean hasProblem(List<FieldProblem> problems, String field) {
    return problems.stream().anyMatch(p -> p.field().equals(field));
  }

  private static String text(@Nullable String value, String field, String message, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      problems.add(new FieldProblem(field, message));
      return "";
    }
    return value.strip();
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
