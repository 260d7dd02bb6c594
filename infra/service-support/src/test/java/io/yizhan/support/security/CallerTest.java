package io.yizhan.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yizhan.contracts.access.Role;
import io.yizhan.support.problem.ForbiddenException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallerTest {

  @Test
  void claims_become_roles_district_and_stations_and_unknown_roles_are_ignored() {
    Caller caller = Caller.fromClaims("u1", Map.of(
        "roles", List.of("STATION_MANAGER", "SUPERUSER"), "stations", List.of("s1", "s2"), "district", " 莲湖区 "));

    assertThat(caller.roles()).containsExactly(Role.STATION_MANAGER);
    assertThat(caller.stations()).containsExactlyInAnyOrder("s1", "s2");
    assertThat(caller.district()).isEqualTo("莲湖区");
    assertThat(caller.displayName()).isEqualTo("u1");
  }

  @Test
  void the_city_reaches_every_station_a_district_its_own_and_a_manager_the_ones_in_the_token() {
    Caller city = Caller.fromClaims("c", Map.of("roles", List.of("CITY_ADMIN")));
    Caller district = Caller.fromClaims("d", Map.of("roles", List.of("DISTRICT_ADMIN"), "district", "莲湖区"));
    Caller manager = Caller.fromClaims("m", Map.of("roles", "STATION_MANAGER", "stations", "s1 s2"));
    Caller system = Caller.fromClaims("sys", Map.of("roles", List.of("DISTRICT_SYSTEM"), "district", "莲湖区"));

    assertThat(city.runsStation("s9", "新城区")).isTrue();
    assertThat(district.runsStation("s9", "莲湖区")).isTrue();
    assertThat(district.runsStation("s9", "新城区")).isFalse();
    assertThat(manager.runsStation("s2", "新城区")).isTrue();
    assertThat(manager.runsStation("s3", "新城区")).isFalse();
    assertThat(manager.managesDistrict("新城区")).isFalse();
    assertThat(system.managesDistrict("莲湖区")).as("a machine client does not administer stations").isFalse();
    assertThat(Caller.anonymous().runsStation("s1", "莲湖区")).isFalse();
    assertThat(system.feedsDistrict("莲湖区")).isTrue();
    assertThat(system.feedsDistrict("新城区")).isFalse();
    assertThat(city.feedsDistrict("新城区")).isTrue();
    assertThat(manager.feedsDistrict("新城区")).isFalse();
  }

  @Test
  void a_refusal_says_who_may_do_it() {
    Caller manager = Caller.fromClaims("m", Map.of("roles", List.of("STATION_MANAGER"), "stations", List.of("s1")));

    assertThatThrownBy(() -> manager.requireRunsStation("s2", "新城区"))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("站点管理员", "新城区工会", "角色是站点管理员");
    assertThatThrownBy(() -> Caller.anonymous().requireManagesDistrict("新城区"))
        .hasMessageContaining("未登录");
  }
}
