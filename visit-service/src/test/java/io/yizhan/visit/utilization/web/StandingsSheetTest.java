package io.yizhan.visit.utilization.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.visit.utilization.BusyIdle;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StandingsSheetTest {

  @Test
  void a_name_excel_would_run_as_a_formula_stays_text_and_commas_and_quotes_stay_in_their_cell() {
    UUID id = UUID.randomUUID();
    var standing = new UtilizationController.StationStanding(id, "=HYPERLINK(\"http://x\",\"点我\")", "碑林区", 12, 40,
        40, 3.333, 2, BusyIdle.Level.UNDERUSED, "闲置", List.of("日均 0.5 人次，低于 1 人次"), "加强宣传", 10, 0.25,
        true, 0.5);

    List<String> lines = StandingsSheet.of(List.of(standing)).lines().toList();

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("\uFEFF站点编号,");
    assertThat(lines.get(1)).isEqualTo(id + ",\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",碑林区,12,40,40.0,3.33,2,闲置,"
        + "日均 0.5 人次，低于 1 人次,加强宣传,10,25.0%,是,50.0%");
  }

  @Test
  void only_a_leading_formula_sign_is_guarded() {
    assertThat(StandingsSheet.text("+86 站")).isEqualTo("'+86 站");
    assertThat(StandingsSheet.text("@站")).isEqualTo("'@站");
    assertThat(StandingsSheet.text("-站")).isEqualTo("'-站");
    assertThat(StandingsSheet.text("小寨-东站")).isEqualTo("小寨-东站");
    assertThat(StandingsSheet.text("")).isEmpty();
  }
}
