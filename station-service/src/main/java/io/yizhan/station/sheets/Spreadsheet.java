package io.yizhan.station.sheets;

import io.yizhan.support.problem.InvalidRequestException;
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

/**
 * Reads what people keep in spreadsheets (stations, candidate venues, demand points) from CSV or
 * Excel: the first row is the header, each column found by its Chinese header or its API field
 * name, other columns ignored. What a whole file gets wrong is said in Chinese, with what to do.
 */
public final class Spreadsheet {

  /** The media type of an Excel workbook (.xlsx), as browsers and curl send it. */
  public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /**
   * What a sheet holds.
   *
   * @param columns  field name → Chinese header
   * @param required the field without which the first row is not a header
   * @param noun     what a row is, for messages ("站点")
   * @param hint     what to follow, for messages ("请使用模板 …")
   */
  public record Layout(Map<String, String> columns, String required, String noun, String hint) {

    /**
     * A sheet to fill in: the Chinese headers and one example row, as CSV for Excel (UTF-8 with a
     * BOM, without which Excel reads the Chinese as another code page).
     */
    public String templateCsv(String exampleRow) {
      return "\uFEFF" + String.join(",", columns.values()) + "\n" + exampleRow + "\n";
    }
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
  public static List<Row> readCsv(byte[] file, int maxRows, Layout layout) {
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
      return rows(records, maxRows, layout);
    } catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
      throw new UnreadableSheetException("无法读取文件：请上传 UTF-8 编码的 CSV 文件（Excel 中「另存为 CSV UTF-8」）。" + e.getMessage());
    }
  }

  /** The data rows of the first sheet of an Excel workbook (.xlsx). */
  public static List<Row> readXlsx(byte[] file, int maxRows, Layout layout) {
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
      return rows(records, maxRows, layout);
    } catch (IOException | RuntimeException e) {
      if (e instanceof UnreadableSheetException unreadable) {
        throw unreadable;
      }
      throw new UnreadableSheetException("无法读取 Excel 文件：请上传 .xlsx 工作簿（第一个工作表为" + layout.noun()
          + "表，首行为表头），" + layout.hint() + "。");
    }
  }

  /** Rows by field name from records whose first is the header; unknown columns are ignored. */
  private static List<Row> rows(List<List<String>> records, int maxRows, Layout layout) {
    if (records.isEmpty()) {
      throw new UnreadableSheetException("文件是空的。" + layout.hint());
    }
    List<String> headers = records.get(0);
    Map<Integer, String> fieldOfColumn = new LinkedHashMap<>();
    for (int column = 0; column < headers.size(); column++) {
      String header = headers.get(column).replace("\uFEFF", "").strip();
      for (Map.Entry<String, String> field : layout.columns().entrySet()) {
        if (field.getKey().equals(header) || field.getValue().equals(header)) {
          fieldOfColumn.putIfAbsent(column, field.getKey());
        }
      }
    }
    if (!fieldOfColumn.containsValue(layout.required())) {
      throw new UnreadableSheetException("第一行应为表头（如「" + layout.columns().get(layout.required()) + "」），"
          + layout.hint());
    }
    if (records.size() - 1 > maxRows) {
      throw new UnreadableSheetException("一次最多导入 " + maxRows + " 个" + layout.noun() + "，请分批上传");
    }
    if (records.size() == 1) {
      throw new UnreadableSheetException("文件中没有" + layout.noun() + "数据");
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

  private Spreadsheet() {}
}
