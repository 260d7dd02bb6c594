package io.yizhan.station.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import io.yizhan.support.problem.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * The columns of the station spreadsheet, and reading it from CSV or Excel. Headers may be the
 * Chinese ones of the template or the API's field names; other columns are ignored.
 */
public final class StationSheet {

  /** Field name → the template's Chinese header, in template order. */
  public static final Map<String, String> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put("name", "站点名称");
    COLUMNS.put("kind", "站点类型");
    COLUMNS.put("buildMode", "建设方式");
    COLUMNS.put("partner", "共建单位");
    COLUMNS.put("district", "所属区县");
    COLUMNS.put("areaType", "区域类型");
    COLUMNS.put("address", "详细地址");
    COLUMNS.put("latitude", "纬度");
    COLUMNS.put("longitude", "经度");
    COLUMNS.put("capacity", "座位数");
    COLUMNS.put("contactPhone", "联系电话");
    COLUMNS.put("hours", "开放时间");
    COLUMNS.put("amenities", "服务设施");
    COLUMNS.put("manager.name", "站点管理员");
    COLUMNS.put("manager.phone", "管理员电话");
    COLUMNS.put("regionalHead.name", "区域站长");
    COLUMNS.put("regionalHead.phone", "区域站长电话");
    COLUMNS.put("districtChief.name", "总站长");
    COLUMNS.put("districtChief.phone", "总站长电话");
  }

  /** One data row: its line in the file (the header is line 1) and its cells by field name. */
  public record Row(int line, Map<String, String> cells) {

    public String cell(String field) {
      return cells.getOrDefault(field, "").strip();
    }
  }

  /** Thrown when the file as a whole cannot be read; says what to fix. */
  public static class UnreadableSheetException extends InvalidRequestException {
    public UnreadableSheetException(String message) {
      super("file", message);
    }
  }

  /** The data rows of a CSV file (UTF-8, a BOM allowed). */
  public static List<Row> readCsv(byte[] file, int maxRows) {
    String text = new String(file, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    CSVFormat format = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get();
    try (CSVParser parser = format.parse(new StringReader(text))) {
      List<List<String>> records = new ArrayList<>();
      for (CSVRecord record : parser) {
        records.add(record.toList());
      }
      return rows(records, maxRows);
    } catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
      throw new UnreadableSheetException("无法读取文件：请上传 UTF-8 编码的 CSV 文件（Excel 中「另存为 CSV UTF-8」）。" + e.getMessage());
    }
  }

  /** The data rows of the first sheet of an Excel workbook (.xlsx). */
  public static List<Row> readXlsx(byte[] file, int maxRows) {
    DataFormatter text = new DataFormatter(java.util.Locale.ROOT);
    try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file))) {
      Sheet sheet = workbook.getSheetAt(0);
      List<List<String>> records = new ArrayList<>();
      for (org.apache.poi.ss.usermodel.Row row : sheet) {
        if (records.size() > maxRows + 1) {
          break;
        }
        List<String> cells = new ArrayList<>();
        for (int column = 0; column < Math.max(0, row.getLastCellNum()); column++) {
          Cell cell = row.getCell(column);
          cells.add(cell == null ? "" : text.formatCellValue(cell).strip());
        }
        if (cells.stream().anyMatch(c -> !c.isEmpty())) {
          records.add(cells);
        }
      }
      return rows(records, maxRows);
    } catch (IOException | RuntimeException e) {
      if (e instanceof UnreadableSheetException unreadable) {
        throw unreadable;
      }
      throw new UnreadableSheetException("无法读取 Excel 文件：请上传 .xlsx 工作簿（第一个工作表为站点表，首行为表头），"
          + "或使用模板 /api/stations/import/template.csv。");
    }
  }

  /** Rows by field name from records whose first is the header; unknown columns are ignored. */
  private static List<Row> rows(List<List<String>> records, int maxRows) {
    if (records.isEmpty()) {
      throw new UnreadableSheetException("文件是空的。请使用模板 /api/stations/import/template.csv");
    }
    List<String> headers = records.get(0);
    Map<Integer, String> fieldOfColumn = new LinkedHashMap<>();
    for (int column = 0; column < headers.size(); column++) {
      String field = field(headers.get(column).replace("\uFEFF", "").strip());
      if (field != null) {
        fieldOfColumn.put(column, field);
      }
    }
    if (!fieldOfColumn.containsValue("name")) {
      throw new UnreadableSheetException("第一行应为表头（如「站点名称」），请使用模板 /api/stations/import/template.csv");
    }
    if (records.size() - 1 > maxRows) {
      throw new UnreadableSheetException("一次最多导入 " + maxRows + " 个站点，请分批上传");
    }
    if (records.size() == 1) {
      throw new UnreadableSheetException("文件中没有站点数据");
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      List<String> record = records.get(i);
      Map<String, String> cells = new LinkedHashMap<>();
      fieldOfColumn.forEach((column, field) -> cells.put(field, column < record.size() ? record.get(column) : ""));
      rows.add(new Row(i + 1, cells));
    }
    return rows;
  }

  /** The template: the header and one example row. */
  public static String templateCsv() {
    return "\uFEFF" + String.join(",", COLUMNS.values()) + "\n"
        + "碑林区光大银行爱心驿站,爱心驿站,社会助建,中国光大银行西安分行,碑林区,主城区,陕西省西安市碑林区东大街1号,"
        + "34.2596,108.9532,12,029-87650000,周一至周五 09:00-17:00；周六 10:00-14:00,"
        + "统一标识、休息座椅、饮用水、冷暖设备、卫生间、急救药箱、微波炉、充电设施,王丽,029-87654321,李强,029-87650001,张敏,029-87650002\n";
  }

  private static @Nullable String field(String header) {
    for (Map.Entry<String, String> column : COLUMNS.entrySet()) {
      if (column.getKey().equals(header) || column.getValue().equals(header)) {
        return column.getKey();
      }
    }
    return null;
  }

  private StationSheet() {}
}
