package io.yizhan.visit.utilization.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.visit.utilization.CountingBacklog;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CountingMessageTest {

  static final Instant NOW = Instant.parse("2026-12-05T03:00:00Z");

  @Test
  void behind_it_says_how_many_are_not_counted_that_the_figures_are_short_and_for_how_long() {
    assertThat(UtilizationAdminController.countingMessage(new CountingBacklog(240_000, 30_000L, 24_000L, NOW)))
        .isEqualTo("正在统计：还有约 240,000 次已受理的到访尚未计入，本页数字暂时偏少。每秒计入约 30,000 次，预计 10 秒后计完。");
    assertThat(UtilizationAdminController.countingMessage(new CountingBacklog(2_400_000, 3_000L, 2_000L, NOW)))
        .endsWith("预计 20 分钟后计完。");
  }

  @Test
  void a_backlog_that_grows_while_counting_goes_on_is_a_flood_of_visits_and_says_how_fast_each_side_goes() {
    assertThat(UtilizationAdminController.countingMessage(new CountingBacklog(520_354, 6_974L, -5_000L, NOW)))
        .isEqualTo("正在统计：还有约 520,354 次已受理的到访尚未计入，本页数字暂时偏少。新到访仍在大量涌入（每秒新到约 11,974 次，"
            + "计入约 6,974 次），涌入过后即可计完；若十分钟后仍未减少，请联系运维检查 visit-service 与数据库。");
  }

  @Test
  void counting_that_stands_still_sends_the_reader_to_the_ops_team_and_a_first_look_asks_for_patience() {
    assertThat(UtilizationAdminController.countingMessage(new CountingBacklog(90_000, 0L, -1_000L, NOW)))
        .contains("计数暂时停顿").contains("请联系运维");
    assertThat(UtilizationAdminController.countingMessage(new CountingBacklog(90_000, null, null, NOW)))
        .contains("正在估算");
  }

  @Test
  void current_counting_says_so() {
    assertThat(UtilizationAdminController.countingMessage(new CountingBacklog(0, 10L, 0L, NOW)))
        .isEqualTo("统计及时：已受理的到访都已计入。");
    assertThat(UtilizationAdminController.countingMessage(new CountingBacklog(1_200, 2_000L, 0L, NOW)))
        .startsWith("统计及时").contains("在途约 1,200 次");
  }
}
