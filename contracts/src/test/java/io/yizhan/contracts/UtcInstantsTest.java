package io.yizhan.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class UtcInstantsTest {

  private static Instant viaEvents(String text) {
    return EventJson.mapper().readValue("\"" + text + "\"", Instant.class);
  }

  @Test
  void reads_what_producers_write_exactly_as_the_jdk_does() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 100_000; i++) {
      // 1970 to 2100, with whole seconds, milliseconds, microseconds and nanoseconds.
      long second = random.nextLong(0, 4_102_444_800L);
      int nanos = switch (i % 4) {
        case 0 -> 0;
        case 1 -> random.nextInt(1_000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1_000;
        default -> random.nextInt(1_000_000_000);
      };
      String text = Instant.ofEpochSecond(second, nanos).toString();
      assertThat(viaEvents(text)).as(text).isEqualTo(Instant.parse(text));
    }
  }

  @Test
  void reads_fractions_of_any_length() {
    for (String text : new String[] {"2026-11-28T08:15:30.1Z", "2026-11-28T08:15:30.12Z",
        "2026-11-28T08:15:30.1234Z", "2026-11-28T08:15:30.12345Z", "2026-11-28T08:15:30.1234567Z",
        "2026-11-28T08:15:30.12345678Z", "2026-11-28T08:15:30.000000001Z"}) {
      assertThat(UtcInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
    }
  }

  @Test
  void leaves_every_other_form_to_jackson_which_reads_it_as_before() {
    for (String text : new String[] {"2026-02-29T00:00:00Z", "2028-02-29T23:59:59Z", "2026-12-31T23:59:59.999Z",
        "2026-11-28T08:15:30+08:00", "2026-11-28T16:15:30.5+08:00", "+12026-11-28T08:15:30Z",
        "2026-11-28T08:15:30.Z", "2026-11-28T24:00:00Z", "2026-13-01T00:00:00Z", "2026-11-28T08:15:30"}) {
      assertThat(UtcInstants.parse(text)).as(text).isNull();
    }
    // Jackson's own reading, lenient days and 24:00 included, or its error: the same as before.
    JsonMapper plain = JsonMapper.builder().build();
    for (String text : new String[] {"2026-02-29T00:00:00Z", "2026-02-30T00:00:00Z", "2026-12-31T23:59:59.999Z",
        "2026-11-28T16:15:30+08:00", "2026-11-28T24:00:00Z", "2026-11-28T25:00:00Z", "yesterday", ""}) {
      Object before;
      try {
        before = plain.readValue("\"" + text + "\"", Instant.class);
      } catch (JacksonException e) {
        before = e.getClass();
      }
      Object now;
      try {
        now = viaEvents(text);
      } catch (JacksonException e) {
        now = e.getClass();
      }
      assertThat(now).as(text).isEqualTo(before);
    }
  }
}
