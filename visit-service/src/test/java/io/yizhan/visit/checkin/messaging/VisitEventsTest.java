package io.yizhan.visit.checkin.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.contracts.EventJson;
import io.yizhan.contracts.visit.ServiceUsed;
import io.yizhan.contracts.visit.VisitChannel;
import io.yizhan.contracts.visit.WorkerType;
import io.yizhan.support.kafka.CloudEventRecords;
import io.yizhan.testkit.EventFixtures;
import io.yizhan.visit.checkin.Visit;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
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
  void the_event_id_is_read_from_the_headers_of_a_recorded_visit_and_only_of_one() {
    Visit visit = new Visit("v-9", UUID.randomUUID(), Instant.now(), WorkerType.COURIER, List.of(ServiceUsed.WATER),
        VisitChannel.QR_CHECK_IN, null, true);
    var event = VisitEvents.recorded(visit, Instant.now());
    var produced = CloudEventRecords.of("visit.events.v1", event.subject(), event.eventId(), event.eventType(),
        event.source(), event.occurredAt(), EventJson.write(event));

    assertThat(VisitEvents.eventIdOf(consumed(produced.headers(), produced.value()))).isEqualTo(visit.eventId());
    assertThat(VisitEvents.eventIdOf(consumed(new RecordHeaders(), produced.value())))
        .as("no headers: the event is read instead").isNull();
    RecordHeaders otherType = new RecordHeaders();
    otherType.add("ce_type", "station.registered".getBytes(StandardCharsets.UTF_8));
    otherType.add("ce_id", visit.eventId().toString().getBytes(StandardCharsets.UTF_8));
    assertThat(VisitEvents.eventIdOf(consumed(otherType, produced.value()))).isNull();
    RecordHeaders notAUuid = new RecordHeaders();
    notAUuid.add("ce_type", "visit.recorded".getBytes(StandardCharsets.UTF_8));
    notAUuid.add("ce_id", "v-9".getBytes(StandardCharsets.UTF_8));
    assertThat(VisitEvents.eventIdOf(consumed(notAUuid, produced.value()))).isNull();
  }

  static ConsumerRecord<String, byte[]> consumed(Iterable<Header> headers, byte[] value) {
    RecordHeaders copied = new RecordHeaders();
    headers.forEach(copied::add);
    return new ConsumerRecord<>("visit.events.v1", 0, 0L, ConsumerRecord.NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE,
        ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, "station", value, copied, java.util.Optional.empty());
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
