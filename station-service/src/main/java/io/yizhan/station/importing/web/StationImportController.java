package io.yizhan.station.importing.web;

import io.yizhan.station.importing.ImportReport;
import io.yizhan.station.importing.ImportingStations;
import io.yizhan.station.importing.StationSheet;
import io.yizhan.station.sheets.Spreadsheet;
import io.yizhan.station.sheets.web.SheetTemplates;
import io.yizhan.support.security.Callers;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** District unions upload their station spreadsheets; they download the template here too. */
@RestController
@RequestMapping("/api/stations/import")
class StationImportController {

  private final ImportingStations importing;

  StationImportController(ImportingStations importing) {
    this.importing = importing;
  }

  /**
   * Imports a CSV file (UTF-8) of stations: 201 with the row report when all rows were
   * registered; 400, a problem detail carrying the same report, when any row was bad, and then
   * nothing was stored.
   */
  @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
  Mono<ResponseEntity<Object>> importCsv(@RequestBody byte[] file) {
    return Callers.current().flatMap(caller -> importing.importCsv(file, caller::managesDistrict))
        .map(StationImportController::answer);
  }

  /** The same for an Excel workbook (.xlsx): the first sheet, headers in the first row. */
  @PostMapping(consumes = Spreadsheet.XLSX)
  Mono<ResponseEntity<Object>> importXlsx(@RequestBody byte[] file) {
    return Callers.current().flatMap(caller -> importing.importXlsx(file, caller::managesDistrict))
        .map(StationImportController::answer);
  }

  @GetMapping("/template.csv")
  ResponseEntity<byte[]> template() {
    return SheetTemplates.download(StationSheet.templateCsv(), "stations-template.csv", "站点导入模板.csv");
  }

  private static ResponseEntity<Object> answer(ImportReport report) {
    if (report.imported()) {
      return ResponseEntity.status(HttpStatus.CREATED).body(report);
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        report.rejected() + " 行有误，全部未导入。请按每行的说明修正后重新上传整个文件。"
            + report.rejected() + " rows are invalid; nothing was imported.");
    problem.setTitle("导入未完成 (import rejected)");
    problem.setType(URI.create("urn:yizhan:problem:import-rejected"));
    problem.setProperty("accepted", report.accepted());
    problem.setProperty("rejected", report.rejected());
    problem.setProperty("rows", report.rows());
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
