package io.yizhan.issuer;

import io.yizhan.contracts.access.Role;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a token says about its bearer.
 *
 * @param subject  who (a user or a machine client)
 * @param roles    what they may do
 * @param district the district a district admin or district system acts for
 * @param stations the stations a station manager or regional head is responsible for
 * @param name     a display name for audit lines
 */
public record Grant(String subject, Set<Role> roles, @Nullable String district, List<String> stations,
    @Nullable String name) {

  public Grant {
    roles = Set.copyOf(roles);
    stations = List.copyOf(stations);
  }

  public static Grant cityAdmin() {
    return new Grant("demo-city-admin", Set.of(Role.CITY_ADMIN), null, List.of(), "市总工会 演示用户");
  }

  public static Grant districtAdmin(String district) {
    return new Grant("demo-district-admin", Set.of(Role.DISTRICT_ADMIN), district, List.of(), district + "工会 演示用户");
  }

  public static Grant districtSystem(String district) {
    return new Grant("demo-district-system", Set.of(Role.DISTRICT_SYSTEM), district, List.of(), district + "系统");
  }

  public static Grant stationManager(List<String> stations) {
    return new Grant("demo-station-manager", Set.of(Role.STATION_MANAGER), null, stations, "站点管理员 演示用户");
  }

  public static Grant regionalHead(List<String> stations) {
    return new Grant("demo-regional-head", Set.of(Role.REGIONAL_HEAD), null, stations, "区域站长 演示用户");
  }

  public static Grant ops() {
    return new Grant("demo-ops", Set.of(Role.OPS), null, List.of(), "运维 演示用户");
  }

  /**
   * The demo's user of this role for another district; a display name that named the old one
   * names the new. Its own subject: what is kept per reader (what they have seen of their
   * notices) must not be shared by every district's demo user.
   */
  public Grant inDistrict(@Nullable String newDistrict) {
    String newName = name != null && district != null && newDistrict != null ? name.replace(district, newDistrict) : name;
    return new Grant(baseSubject() + (newDistrict == null ? "" : ":" + newDistrict), roles, newDistrict, stations, newName);
  }

  /** The demo's user of this role for these stations, with its own subject likewise. */
  public Grant forStations(List<String> newStations) {
    return new Grant(baseSubject() + (newStations.isEmpty() ? "" : ":" + String.join(",", newStations)), roles, district,
        newStations, name);
  }

  private String baseSubject() {
    int colon = subject.indexOf(':');
    return colon < 0 ? subject : subject.substring(0, colon);
  }
}
