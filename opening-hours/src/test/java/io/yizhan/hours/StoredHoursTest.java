package io.yizhan.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredHoursTest {

  @Test
  void hours_read_back_as_written_and_one_schedule_is_parsed_once() {
    OpeningHours weekdays = OpeningHours.weekly(List.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), TimeRange.of("22:00", "02:00"));
    String json = StoredHours.write(weekdays);

    assertThat(StoredHours.read(json)).isEqualTo(weekdays);
    assertThat(StoredHours.read(json)).isSameAs(StoredHours.read(json));
  }

  @Test
  void a_stored_schedule_failing_todays_checks_reads_as_unknown_not_as_an_error() {
    String overlapping = "{\"alwaysOpen\":false,\"weekly\":{\"MONDAY\":[{\"opens\":\"09:00\",\"closes\":\"12:00\"},"
        + "{\"opens\":\"11:00\",\"closes\":\"13:00\"}]}}";

    assertThat(StoredHours.read(overlapping)).isNull();
  }
}
