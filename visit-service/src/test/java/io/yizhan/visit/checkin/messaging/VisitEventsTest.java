package io.yizhan.visit.checkin.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.contracts.EventJson;
import io.yizhan.contracts.visit.ServiceUsed;
import io.yizhan.contracts.visit.VisitChannel;
import io.yizhan.contracts.visit.WorkerType;
import io.yizhan.testkit.EventFixtures;
import io.yizhan.visit.checkin.Visit;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VisitEventsTest {

  @Test
  void the_visit_id_is_read_from_a_recorded_visit_without_reading_the_event() {
    Visit visit = new Visit("莲湖-\"7\"\\x", UUID.randomUUID(), Instant.now(), WorkerType.COURIER,
        List.of(ServiceUsed.WATER, ServiceUsed.REST), VisitChannel.QR_CHECK_IN, "tok", true);
    byte[] json = EventJson.write(VisitEvents.recorded(visit, Instant.now()));

    assertThat(VisitEvents.visitIdOf(json)).isEqualTo(visit.id());
  }

  @Test
  void fields_in_another_order_are_read_too() {
    String json = """
        {"data": {"services": ["REST"], "visitId": "v-1", "nested": {"visitId": "not this"}},
         "extra": [1, {"eventType": "x"}], "eventType": "visit.recorded"}""";

    assertThat(VisitEvents.visitIdOf(json.getBytes(StandardCharsets.UTF_8))).isEqualTo("v-1");
  }

  @Test
  void anything_else_has_no_visit_id_and_is_left_to_the_full_reading() {
    String station = UUID.randomUUID().toString();
    assertThat(VisitEvents.visitIdOf(EventFixtures.stationRegistered(station, "站", "碑林区"))).isNull();
    assertThat(VisitEvents.visitIdOf("{\"eventType\":\"visit.recorded\",\"broken\":".getBytes())).isNull();
    assertThat(VisitEvents.visitIdOf("{\"eventType\":\"visit.recorded\",\"data\":{}}".getBytes())).isNull();
    assertThat(VisitEvents.visitIdOf("[1,2]".getBytes())).isNull();
    assertThat(VisitEvents.visitIdOf(new byte[0])).isNull();
  }
}
