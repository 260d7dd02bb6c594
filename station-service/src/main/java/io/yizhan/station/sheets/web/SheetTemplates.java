package io.yizhan.station.sheets.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriUtils;

/** Sheets to fill in, as the download every import and upload page links to. */
public final class SheetTemplates {

  /**
   * {@code csv} as a file saved under its Chinese name; a client that cannot read one (RFC 6266)
   * gets the plain one.
   */
  public static ResponseEntity<byte[]> download(String csv, String plainName, String chineseName) {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + plainName + "\"; filename*=UTF-8''"
            + UriUtils.encode(chineseName, StandardCharsets.UTF_8))
        .body(csv.getBytes(StandardCharsets.UTF_8));
  }

  private SheetTemplates() {}
}
