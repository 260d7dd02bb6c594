package io.yizhan.support.security;

import io.yizhan.contracts.access.AccessClaims;
import io.yizhan.contracts.access.Role;
import io.yizhan.support.problem.ForbiddenException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling, as their token says: roles, the district a district admin or system acts for,
 * the stations a station manager or regional head is responsible for. Anonymous callers (a
 * worker's phone) have no roles.
 */
public record Caller(String subject, Set<Role> roles, @Nullable String district, Set<String> stations,
    @Nullable String name) {

  private static final Caller ANONYMOUS = new Caller("anonymous", Set.of(), null, Set.of(), null);

  public Caller {
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    stations = Set.copyOf(stations);
  }

  public static Caller anonymous() {
    return ANONYMOUS;
  }

  /** The caller a token's claims describe; role names this platform does not know are ignored. */
  public static Caller fromClaims(String subject, Map<String, Object> claims) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : strings(claims.get(AccessClaims.ROLES))) {
      for (Role role : Role.values()) {
        if (role.name().equals(name)) {
          roles.add(role);
        }
      }
    }
    Object district = claims.get(AccessClaims.DISTRICT);
    Object name = claims.get(AccessClaims.NAME);
    return new Caller(subject, roles, district instanceof String d && !d.isBlank() ? d.strip() : null,
        Set.copyOf(strings(claims.get(AccessClaims.STATIONS))), name instanceof String n && !n.isBlank() ? n : null);
  }

  public boolean isAnonymous() {
    return roles.isEmpty();
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** The city, or this district's union. */
  public boolean managesDistrict(String stationDistrict) {
    return has(Role.CITY_ADMIN) || (has(Role.DISTRICT_ADMIN) && stationDistrict.equals(district));
  }

  /** Whoever manages its district, or the station's own manager or regional head. */
  public boolean runsStation(String stationId, String stationDistrict) {
    return managesDistrict(stationDistrict)
        || ((has(Role.STATION_MANAGER) || has(Role.REGIONAL_HEAD)) && stations.contains(stationId));
  }

  /** The city, or this district's union or system: may report visits at its stations. */
  public boolean feedsDistrict(String stationDistrict) {
    return has(Role.CITY_ADMIN)
        || ((has(Role.DISTRICT_ADMIN) || has(Role.DISTRICT_SYSTEM)) && stationDistrict.equals(district));
  }

  /** Refuses, with what to do, unless {@link #managesDistrict}. */
  public void requireManagesDistrict(String stationDistrict) {
    if (!managesDistrict(stationDistrict)) {
      throw new ForbiddenException("只有市总工会或" + stationDistrict + "工会可以办理这项操作；当前令牌"
          + describe() + "。如需办理，请联系" + stationDistrict + "工会。");
    }
  }

  /** Refuses, with what to do, unless {@link #runsStation}. */
  public void requireRunsStation(String stationId, String stationDistrict) {
    requireRunsStation(stationId, stationDistrict, "办理这项操作");
  }

  /**
   * As {@link #requireRunsStation(String, String)}, naming what is refused ("查看本站的通知").
   * An empty district (not known) leaves the station's own people and the city.
   */
  public void requireRunsStation(String stationId, String stationDistrict, String what) {
    if (!runsStation(stationId, stationDistrict)) {
      throw new ForbiddenException("只有本站的站点管理员、区域站长，或市总工会" + (stationDistrict.isEmpty() ? "" : "、"
          + stationDistrict + "工会") + "可以" + what + "；当前令牌" + describe() + "。");
    }
  }

  /** For "who did it" lines: the token's display name, else its subject. */
  public String displayName() {
    return name != null ? name : subject;
  }

  /** What the token says of its holder, to follow "当前令牌": "未登录", or "的角色是区县工会（碑林区）". */
  public String describe() {
    if (isAnonymous()) {
      return "未登录";
    }
    String roleLabels = roles.stream().map(Role::label).collect(Collectors.joining("、"));
    return "的角色是" + roleLabels + (district != null ? "（" + district + "）" : "");
  }

  private static List<String> strings(@Nullable Object claim) {
    if (claim instanceof Collection<?> values) {
      return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
    if (claim instanceof String value && !value.isBlank()) {
      return List.of(value.split("[ ,]+"));
    }
    return List.of();
  }
}
