package io.yizhan.station.importing;

import io.yizhan.station.sheets.Spreadsheet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of the station spreadsheet and its template; {@link Spreadsheet} reads it from CSV
 * or Excel. Headers may be the Chinese ones of the template or the API's field names.
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

  private static final Spreadsheet.Layout LAYOUT =
      new Spreadsheet.Layout(COLUMNS, "name", "站点", "请使用模板 /api/stations/import/template.csv");

  /** The data rows of a CSV file (UTF-8, a BOM allowed). */
  public static List<Spreadsheet.Row> readCsv(byte[] file, int maxRows) {
    return Spreadsheet.readCsv(file, maxRows, LAYOUT);
  }

  /** The data rows of the first sheet of an Excel workbook (.xlsx). */
  public static List<Spreadsheet.Row> readXlsx(byte[] file, int maxRows) {
    return Spreadsheet.readXlsx(file, maxRows, LAYOUT);
  }

  /** The template: the header and one example row. */
  public static String templateCsv() {
    return LAYOUT.templateCsv("碑林区光大银行爱心驿站,爱心驿站,社会助建,中国光大银行西安分行,碑林区,主城区,陕西省西安市碑林区东大街1号,"
        + "34.2596,108.9532,12,029-87650000,周一至周五 09:00-17:00；周六 10:00-14:00,"
        + "统一标识、休息座椅、饮用水、冷暖设备、卫生间、急救药箱、微波炉、充电设施,王丽,029-87654321,李强,029-87650001,张敏,029-87650002");
  }

  private StationSheet() {}
}
