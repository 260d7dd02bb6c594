package io.yizhan.station.importing;

import io.yizhan.contracts.station.AreaType;
import io.yizhan.contracts.station.BuildMode;
import io.yizhan.contracts.station.StationKind;
import io.yizhan.station.hours.HoursText;
import io.yizhan.station.importing.ImportReport.RowResult;
import io.yizhan.station.registry.Amenity;
import io.yizhan.station.registry.AmenityCatalog;
import io.yizhan.station.registry.RegisterStation;
import io.yizhan.station.registry.RegisteringStation;
import io.yizhan.station.registry.Station;
import io.yizhan.station.registry.Stations;
import io.yizhan.station.sheets.Spreadsheet;
import io.yizhan.support.problem.InvalidRequestException;
import io.yizhan.support.problem.InvalidRequestException.FieldProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A district's spreadsheet of stations, checked row by row exactly as single registrations are.
 * Any bad row and nothing is stored: a half-imported district is worse than none.
 */
public class ImportingStations {

  public static final int MAX_ROWS = 5_000;

  private static final Map<String, String> LABELS = new HashMap<>();

  static {
    LABELS.put("爱心驿站", StationKind.CARE_STATION.name());
    LABELS.put("驿站", StationKind.CARE_STATION.name());
    LABELS.put("爱心服务点", StationKind.SERVICE_POINT.name());
    LABELS.put("服务点", StationKind.SERVICE_POINT.name());
    LABELS.put("工会自建", BuildMode.UNION_BUILT.name());
    LABELS.put("政府兴建", BuildMode.GOVERNMENT_BUILT.name());
    LABELS.put("社会助建", BuildMode.SOCIETY_ASSISTED.name());
    LABELS.put("集成共建", BuildMode.INTEGRATED.name());
    LABELS.put("主城区", AreaType.MAIN_URBAN.name());
    LABELS.put("周边区县", AreaType.SURROUNDING_COUNTY.name());
    LABELS.put("开发区", AreaType.DEVELOPMENT_ZONE.name());
  }

  private final RegisteringStation registering;
  private final Stations stations;
  private final AmenityCatalog catalog;

  public ImportingStations(RegisteringStation registering, Stations stations, AmenityCatalog catalog) {
    this.registering = registering;
    this.stations = stations;
    this.catalog = catalog;
  }

  /**
   * @param mayListIn whether the importing user may list stations in a district: a row of another
   *                  district is a bad row, so a district union's sheet cannot list another's stations
   */
  public Mono<ImportReport> importCsv(byte[] file, Predicate<String> mayListIn) {
    return importRows(Mono.fromCallable(() -> StationSheet.readCsv(file, MAX_ROWS)), mayListIn);
  }

  public Mono<ImportReport> importXlsx(byte[] file, Predicate<String> mayListIn) {
    return importRows(Mono.fromCallable(() -> StationSheet.readXlsx(file, MAX_ROWS)), mayListIn);
  }

  private Mono<ImportReport> importRows(Mono<List<Spreadsheet.Row>> rows, Predicate<String> mayListIn) {
    return rows.zipWith(catalog.all()).flatMap(read -> importRows(read.getT1(), read.getT2(), mayListIn));
  }

  private Mono<ImportReport> importRows(List<Spreadsheet.Row> rows, List<Amenity> amenities, Predicate<String> mayListIn) {
    Set<String> codes = amenities.stream().map(Amenity::code).collect(Collectors.toSet());
    Map<String, String> codeOfName = amenities.stream().collect(Collectors.toMap(Amenity::nameZh, Amenity::code));
    List<RowResult> results = new ArrayList<>();
    List<Station> valid = new ArrayList<>();
    for (Spreadsheet.Row row : rows) {
      List<FieldProblem> problems = new ArrayList<>();
      String district = blankToNull(row.cell("district"));
      if (district != null && !mayListIn.test(district)) {
        problems.add(new FieldProblem("district", "您的账号不能为「" + district + "」登记站点：请只导入本区县的站点，"
            + "或请该区县工会导入。"));
      }
      try {
        Station station = registering.validated(command(row, codeOfName, problems), codes, problems);
        valid.add(station);
        results.add(new RowResult(row.line(), station.name(), true, station.id().toString(), List.of()));
      } catch (InvalidRequestException e) {
        results.add(new RowResult(row.line(), row.cell("name"), false, null, e.problems()));
      }
    }
    int rejected = rows.size() - valid.size();
    if (rejected > 0) {
      // Nothing is stored; the ids the valid rows would have had mean nothing.
      List<RowResult> withoutIds = results.stream()
          .map(r -> new RowResult(r.line(), r.name(), r.accepted(), null, r.problems())).toList();
      return Mono.just(new ImportReport(false, valid.size(), rejected, withoutIds));
    }
    return stations.registerAll(valid).thenReturn(new ImportReport(true, valid.size(), 0, results));
  }

  private static RegisterStation command(Spreadsheet.Row row, Map<String, String> codeOfName, List<FieldProblem> problems) {
    return new RegisterStation(
        blankToNull(row.cell("name")),
        label(row.cell("kind")),
        label(row.cell("buildMode")),
        blankToNull(row.cell("partner")),
        blankToNull(row.cell("district")),
        label(row.cell("areaType")),
        blankToNull(row.cell("address")),
        number(row.cell("latitude"), "latitude", "纬度应为数字，例如 34.2596", problems),
        number(row.cell("longitude"), "longitude", "经度应为数字，例如 108.9532", problems),
        integer(row.cell("capacity"), problems),
        blankToNull(row.cell("contactPhone")),
        List.of(),
        hours(row.cell("hours"), problems),
        amenities(row.cell("amenities"), codeOfName),
        person(row, "manager"),
        person(row, "regionalHead"),
        person(row, "districtChief"),
        null);
  }

  private static io.yizhan.contracts.station.@Nullable Hours hours(String cell, List<FieldProblem> problems) {
    if (cell.isBlank()) {
      return null;
    }
    var hours = HoursText.parse(cell);
    if (hours == null) {
      problems.add(new FieldProblem("hours", "看不懂「" + cell + "」。" + HoursText.FORMAT));
    }
    return hours;
  }

  private static List<String> amenities(String cell, Map<String, String> codeOfName) {
    return Arrays.stream(cell.split("[、,，;；/\\s]+"))
        .filter(item -> !item.isBlank())
        .map(item -> codeOfName.getOrDefault(item.strip(), item.strip()))
        .toList();
  }

  private static RegisterStation.@Nullable Person person(Spreadsheet.Row row, String role) {
    String name = blankToNull(row.cell(role + ".name"));
    String phone = blankToNull(row.cell(role + ".phone"));
    return name == null && phone == null ? null : new RegisterStation.Person(name, phone);
  }

  private static @Nullable String label(String cell) {
    return cell.isBlank() ? null : LABELS.getOrDefault(cell, cell);
  }

  private static @Nullable Double number(String cell, String field, String message, List<FieldProblem> problems) {
    if (cell.isBlank()) {
      return null;
    }
    try {
      return Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      problems.add(new FieldProblem(field, message));
      return null;
    }
  }

  private static @Nullable Integer integer(String cell, List<FieldProblem> problems) {
    if (cell.isBlank()) {
      return null;
    }
    try {
      return Integer.parseInt(cell);
    } catch (NumberFormatException e) {
      problems.add(new FieldProblem("capacity", "座位数应为整数，例如 12"));
      return null;
    }
  }

  private static @Nullable String blankToNull(String cell) {
    return cell.isBlank() ? null : cell;
  }
}
