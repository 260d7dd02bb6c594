package io.yizhan.station.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.testkit.TestHttp;
import io.yizhan.testkit.TestTokens;
import io.yizhan.testkit.YizhanIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@YizhanIntegrationTest
class StationImportIntegrationTest {

  static final MediaType CSV = MediaType.parseMediaType("text/csv");
  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  @LocalServerPort int port;
  WebTestClient http;

  @BeforeEach
  void client() {
    http = TestHttp.client(port, TestTokens.cityAdmin());
  }

  String template() {
    byte[] body = http.get().uri("/api/stations/import/template.csv").exchange()
        .expectStatus().isOk()
        .expectHeader().contentTypeCompatibleWith(CSV)
        .expectBody(byte[].class).returnResult().getResponseBody();
    return new String(body, StandardCharsets.UTF_8);
  }

  @Test
  void the_downloaded_template_imports_as_it_is() {
    String template = template();
    assertThat(template).startsWith("\uFEFF站点名称,站点类型,建设方式");

    http.post().uri("/api/stations/import").contentType(CSV).bodyValue(template.getBytes(StandardCharsets.UTF_8))
        .exchange()
        .expectStatus().isCreated()
        .expectBody()
        .jsonPath("$.imported").isEqualTo(true)
        .jsonPath("$.accepted").isEqualTo(1)
        .jsonPath("$.rows[0].line").isEqualTo(2)
        .jsonPath("$.rows[0].stationId").isNotEmpty();

    http.get().uri("/api/stations?district=碑林区").exchange().expectStatus().isOk()
        .expectBody()
        .jsonPath("$[?(@.name == '碑林区光大银行爱心驿站')].buildMode").isEqualTo(List.of("SOCIETY_ASSISTED"))
        .jsonPath("$[?(@.name == '碑林区光大银行爱心驿站')].hours.weekly.SATURDAY[0].opens").isEqualTo(List.of("10:00"))
        .jsonPath("$[?(@.name == '碑林区光大银行爱心驿站')].baseStandard.met").isEqualTo(List.of(true));
  }

  @Test
  void one_bad_row_rejects_the_file_with_a_row_by_row_report_and_stores_nothing() {
    String[] lines = template().split("\n");
    String good = lines[1].replace("碑林区光大银行爱心驿站", "莲湖区第一社区爱心驿站");
    String bad = lines[1].replace("碑林区光大银行爱心驿站", "未央区坏数据驿站")
        .replace("34.2596,108.9532", "north,108.9532")
        .replace("周一至周五 09:00-17:00；周六 10:00-14:00", "工作日白天")
        .replace("统一标识", "按摩椅");
    String file = lines[0] + "\n" + good + "\n" + bad + "\n";

    http.post().uri("/api/stations/import").contentType(CSV).bodyValue(file.getBytes(StandardCharsets.UTF_8))
        .exchange()
        .expectStatus().isBadRequest()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.title").isEqualTo("导入未完成 (import rejected)")
        .jsonPath("$.accepted").isEqualTo(1)
        .jsonPath("$.rejected").isEqualTo(1)
        .jsonPath("$.rows[0].accepted").isEqualTo(true)
        .jsonPath("$.rows[0].stationId").doesNotExist()
        .jsonPath("$.rows[1].line").isEqualTo(3)
        .jsonPath("$.rows[1].problems[?(@.field == 'latitude')].message").isEqualTo(List.of("纬度应为数字，例如 34.2596"))
        .jsonPath("$.rows[1].problems[?(@.field == 'hours')]").exists()
        .jsonPath("$.rows[1].problems[?(@.field == 'amenities')]").exists();

    http.get().uri("/api/stations?limit=1000").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$[?(@.name == '莲湖区第一社区爱心驿站')]").doesNotExist();
  }

  @Test
  void an_excel_workbook_imports_like_the_csv() throws Exception {
    String[] lines = template().replace("\uFEFF", "").split("\n");
    byte[] workbook;
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("站点");
      String[] headers = lines[0].split(",");
      String[] example = lines[1].replace("碑林区光大银行爱心驿站", "新城区解放路爱心驿站").split(",");
      for (int r = 0; r < 2; r++) {
        Row row = sheet.createRow(r);
        String[] cells = r == 0 ? headers : example;
        for (int c = 0; c < cells.length; c++) {
          if (r == 1 && (headers[c].equals("纬度") || headers[c].equals("经度") || headers[c].equals("座位数"))) {
            row.createCell(c).setCellValue(Double.parseDouble(cells[c]));
          } else {
            row.createCell(c).setCellValue(cells[c]);
          }
        }
      }
      book.write(out);
      workbook = out.toByteArray();
    }

    http.post().uri("/api/stations/import").contentType(XLSX).bodyValue(workbook)
        .exchange()
        .expectStatus().isCreated()
        .expectBody().jsonPath("$.rows[0].name").isEqualTo("新城区解放路爱心驿站");
    http.get().uri("/api/stations?district=碑林区").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$[?(@.name == '新城区解放路爱心驿站')].capacity").isEqualTo(List.of(12));
  }

  @Test
  void an_excel_upload_that_is_garbage_says_what_to_upload() {
    http.post().uri("/api/stations/import").contentType(XLSX).bodyValue("not a workbook".getBytes(StandardCharsets.UTF_8))
        .exchange()
        .expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("file")
        .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains(".xlsx"));
  }

  @Test
  void a_file_that_is_not_a_station_sheet_says_what_to_upload() {
    http.post().uri("/api/stations/import").contentType(CSV)
        .bodyValue(new byte[] {(byte) 0x50, 0x4b, 0x03, 0x04, 0x00, (byte) 0xff})
        .exchange()
        .expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("file")
        .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("模板"));
  }
}
