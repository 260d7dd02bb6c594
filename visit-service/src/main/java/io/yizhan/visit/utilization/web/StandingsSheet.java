package io.yizhan.visit.utilization.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Every station's standing as a CSV sheet for Excel: UTF-8 with a byte-order mark (without it,
 * Excel on a Chinese Windows reads the names as GBK and garbles them), headers in Chinese, one row
 * a station.
 */
final class StandingsSheet {

  static final List<String> HEADERS = List.of("站点编号", "站点", "区县", "座位", "到访人次", "日均到访", "每座位日均到访",
      "本区排名", "忙闲", "原因", "建议", "开放时间外到访", "开放时间外占比", "需要时关着门", "新业态占比");

  private StandingsSheet() {}

  static String of(List<UtilizationController.StationStanding> stations) {
    StringBuilder sheet = new StringBuilder("\uFEFF");
    try (CSVPrinter printer = new CSVPrinter(sheet, CSVFormat.EXCEL.builder().setHeader(HEADERS.toArray(String[]::new))
        .get())) {
      for (UtilizationController.StationStanding s : stations) {
        printer.printRecord(s.stationId(), text(s.name()), text(s.district()), s.capacity(), s.visits(),
            decimal(s.visitsPerDay(), 1), decimal(s.visitsPerSeatPerDay(), 2), s.rank(), s.levelLabel(),
            text(String.join("；", s.reasons())), s.action() == null ? "" : s.action(), s.outsideHours(),
            decimal(s.outsideHoursShare() * 100, 1) + "%", s.closedWhenNeeded() ? "是" : "否",
            decimal(s.newEconomyShare() * 100, 1) + "%");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not fail
    }
    return sheet.toString();
  }

  private static String decimal(double value, int places) {
    return String.format(Locale.ROOT, "%." + places + "f", value);
  }

  /**
   * Names come from district unions' own spreadsheets: one starting with =, +, - or @ would run
   * as a formula when the sheet is opened. A leading apostrophe keeps it text (OWASP's advice).
   */
  static String text(String value) {
    return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }
}
