package io.yizhan.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yizhan.contracts.station.StationRegistered;
import io.yizhan.contracts.visit.VisitRecorded;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventJsonTest {

  @Test
  void text_that_is_not_json_is_malformed_with_a_reason() {
    assertThatThrownBy(() -> EventJson.readEnvelope("{oops".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageStartingWith("not JSON");
  }

  @Test
  void an_envelope_without_subject_is_malformed_and_names_the_field() {
    String json = new String(EventJson.write(EventMother.visitRecorded()), StandardCharsets.UTF_8)
        .replace("\"subject\"", "\"subjekt\"");
    assertThatThrownBy(() -> EventJson.readEnvelope(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining("subject");
  }

  @Test
  void a_payload_missing_a_required_field_is_malformed_and_names_the_field() {
    String json = new String(EventJson.write(EventMother.visitRecorded()), StandardCharsets.UTF_8)
        .replace("\"workerType\":\"FOOD_DELIVERY\",", "");
    assertThatThrownBy(() -> EventJson.read(json.getBytes(StandardCharsets.UTF_8), VisitRecorded.TYPE))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining("workerType");
  }

  @Test
  void an_event_of_another_type_is_refused() {
    byte[] json = EventJson.write(EventMother.visitRecorded());
    assertThatThrownBy(() -> EventJson.read(json, StationRegistered.TYPE))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining("expected eventType station.registered");
  }

  @Test
  void fields_added_by_a_newer_producer_are_ignored() {
    String json = new String(EventJson.write(EventMother.visitRecorded()), StandardCharsets.UTF_8)
        .replace("\"channel\":", "\"weather\":\"rain\",\"channel\":");
    assertThat(EventJson.read(json.getBytes(StandardCharsets.UTF_8), VisitRecorded.TYPE))
        .isEqualTo(EventMother.visitRecorded());
  }
}
