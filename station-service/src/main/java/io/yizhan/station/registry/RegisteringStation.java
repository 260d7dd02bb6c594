package io.yizhan.station.registry;

import io.yizhan.contracts.station.Contact;
import io.yizhan.contracts.station.StationKind;
import io.yizhan.support.problem.InvalidRequestException;
import io.yizhan.support.problem.InvalidRequestException.FieldProblem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** A district union lists a new station; every bad field is reported at once, in Chinese. */
public class RegisteringStation {

  static final int MAX_CAPACITY = 500;

  private final Stations stations;
  private final Clock clock;

  public RegisteringStation(Stations stations, Clock clock) {
    this.stations = stations;
    this.clock = clock;
  }

  public Mono<Station> register(RegisterStation command) {
    return Mono.fromCallable(() -> validated(command)).flatMap(stations::register);
  }

  private Station validated(RegisterStation c) {
    List<FieldProblem> problems = new ArrayList<>();
    String name = text(c.name(), "name", "请填写站点名称", problems);
    StationKind kind = kind(c.kind(), problems);
    String district = text(c.district(), "district", "请填写所属区县或开发区", problems);
    String address = text(c.address(), "address", "请填写详细地址", problems);
    String managerName = text(c.managerName(), "manager.name", "请填写站点管理员姓名", problems);
    String managerPhone = text(c.managerPhone(), "manager.phone", "请填写站点管理员联系电话", problems);
    if (c.latitude() == null) {
      problems.add(new FieldProblem("latitude", "请填写纬度（WGS-84）"));
    }
    if (c.longitude() == null) {
      problems.add(new FieldProblem("longitude", "请填写经度（WGS-84）"));
    }
    GeoPoint location = null;
    if (c.latitude() != null && c.longitude() != null) {
      location = new GeoPoint(c.latitude(), c.longitude());
      if (!location.isInChina()) {
        problems.add(new FieldProblem("latitude",
            "坐标不在中国境内，请检查经纬度是否填反或漏填（纬度约 34.26，经度约 108.95 为西安市区）"));
      }
    }
    if (c.capacity() == null || c.capacity() < 1 || c.capacity() > MAX_CAPACITY) {
      problems.add(new FieldProblem("capacity", "请填写座位数，1 到 " + MAX_CAPACITY + " 之间"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("站点信息有误，请修正后重新提交。", problems);
    }
    return new Station(
        StationId.generate(),
        name,
        kind,
        district,
        address,
        location,
        c.capacity(),
        new Contact(managerName, managerPhone),
        1,
        clock.instant());
  }

  private static String text(@Nullable String value, String field, String message, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      problems.add(new FieldProblem(field, message));
      return "";
    }
    return value.strip();
  }

  private static StationKind kind(@Nullable String value, List<FieldProblem> problems) {
    try {
      return StationKind.valueOf(value == null ? "" : value);
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem("kind",
          "站点类型应为 " + Arrays.toString(StationKind.values()) + " 之一（爱心驿站 / 爱心服务点）"));
      return StationKind.CARE_STATION;
    }
  }
}
