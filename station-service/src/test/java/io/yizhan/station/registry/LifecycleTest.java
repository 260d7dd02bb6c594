package io.yizhan.station.registry;

import static io.yizhan.contracts.station.StationStatus.ACTIVE;
import static io.yizhan.contracts.station.StationStatus.PLANNED;
import static io.yizhan.contracts.station.StationStatus.REVOKED;
import static io.yizhan.contracts.station.StationStatus.SUSPENDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yizhan.support.problem.ConflictException;
import io.yizhan.contracts.station.StationStatus;
import io.yizhan.support.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

class LifecycleTest {

  @Test
  void a_planned_station_opens_without_a_reason() {
    assertThat(Lifecycle.ACTIVATE.apply(PLANNED, "碑林区总工会 张敏", "")).isEqualTo(ACTIVE);
  }

  @Test
  void an_active_station_is_suspended_and_resumed_with_reasons() {
    StationStatus suspended = Lifecycle.SUSPEND.apply(ACTIVE, "区域站长 李强", "装修");
    assertThat(suspended).isEqualTo(SUSPENDED);
    assertThat(Lifecycle.RESUME.apply(suspended, "区域站长 李强", "装修完成")).isEqualTo(ACTIVE);
  }

  @Test
  void a_revoked_station_can_only_be_reinstated() {
    StationStatus revoked = Lifecycle.REVOKE.apply(SUSPENDED, "市总工会", "年度考核不合格");
    assertThat(revoked).isEqualTo(REVOKED);
    assertThatThrownBy(() -> Lifecycle.SUSPEND.apply(revoked, "x", "y"))
        .isInstanceOf(ConflictException.class).hasMessageContaining("已撤销");
    assertThat(Lifecycle.REINSTATE.apply(revoked, "市总工会", "整改合格")).isEqualTo(ACTIVE);
  }

  @Test
  void suspending_without_a_reason_or_without_a_name_is_refused() {
    assertThatThrownBy(() -> Lifecycle.SUSPEND.apply(ACTIVE, "李强", " "))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("原因");
    assertThatThrownBy(() -> Lifecycle.ACTIVATE.apply(PLANNED, "", ""))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("操作人");
  }

  @Test
  void an_active_station_cannot_be_activated_again() {
    assertThatThrownBy(() -> Lifecycle.ACTIVATE.apply(ACTIVE, "x", ""))
        .isInstanceOf(ConflictException.class).hasMessageContaining("运行中");
  }
}
