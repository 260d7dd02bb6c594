package io.yizhan.station.importing;

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
import io.yizhan.support.problem.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * The columns of the station spreadsheet, and reading a CSV file of it. Headers may be the
 * Chinese ones of the template or the API's field names.
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
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
        .setIgnoreEmptyLines(true).get();
    try (CSVParser parser = format.parse(new StringReader(text))) {
      Map<String, String> fieldOfHeader = new LinkedHashMap<>();
      for (String header : parser.getHeaderNames()) {
        String field = field(header.strip());
        if (field != null) {
          fieldOfHeader.put(header, field);
        }
      }
      if (!fieldOfHeader.containsValue("name")) {
        throw new UnreadableSheetException("第一行应为表头（如「站点名称」），请使用模板 /api/stations/import/template.csv");
      }
      List<Row> rows = new ArrayList<>();
      for (CSVRecord record : parser) {
        if (rows.size() == maxRows) {
          throw new UnreadableSheetException("一次最多导入 " + maxRows + " 个站点，请分批上传");
        }
        Map<String, String> cells = new LinkedHashMap<>();
        fieldOfHeader.forEach((header, field) -> cells.put(field, record.isMapped(header) && record.isSet(header)
            ? record.get(header) : ""));
        rows.add(new Row((int) record.getRecordNumber() + 1, cells));
      }
      if (rows.isEmpty()) {
        throw new UnreadableSheetException("文件中没有站点数据");
      }
      return rows;
    } catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
      throw new UnreadableSheetException("无法读取文件：请上传 UTF-8 编码的 CSV 文件（Excel 中「另存为 CSV UTF-8」）。" + e.getMessage());
    }
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
