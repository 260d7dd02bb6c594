package io.yizhan.support.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ArrayLiteralTest {

  @Test
  void every_element_is_quoted_so_separators_and_the_word_null_stay_text() {
    assertThat(ArrayLiteral.of(List.of("a", "b,c", "{d}", " e ", "NULL", "")))
        .isEqualTo("{\"a\",\"b,c\",\"{d}\",\" e \",\"NULL\",\"\"}");
  }

  @Test
  void quotes_and_backslashes_are_escaped_and_nulls_are_null() {
    assertThat(ArrayLiteral.of(Arrays.asList("say \"hi\"", null, "C:\\temp")))
        .isEqualTo("{\"say \\\"hi\\\"\",NULL,\"C:\\\\temp\"}");
  }

  @Test
  void values_are_written_the_way_postgresql_reads_them() {
    UUID id = UUID.fromString("0b8e6f0e-8a5c-4c6e-9d7a-3f1e2d4c5b6a");
    assertThat(ArrayLiteral.of(List.of(id))).isEqualTo("{\"0b8e6f0e-8a5c-4c6e-9d7a-3f1e2d4c5b6a\"}");
    assertThat(ArrayLiteral.of(List.of(Instant.parse("2026-11-30T04:00:00Z"), Instant.parse("2026-11-30T04:00:00.5Z"))))
        .isEqualTo("{\"2026-11-30T04:00:00Z\",\"2026-11-30T04:00:00.500Z\"}");
    assertThat(ArrayLiteral.of(List.of(true, false))).isEqualTo("{\"true\",\"false\"}");
    assertThat(ArrayLiteral.of(List.of())).isEqualTo("{}");
  }
}
