package io.yizhan.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Pins each event's wire form. A change that alters what producers write fails here first: add
 * an optional field and update the golden file and schema together, or make a new topic version.
 */
class GoldenEventsTest {

  private static final Map<EventType<?>, Supplier<EventEnvelope<?>>> EXAMPLES =
      Map.ofEntries(
          Map.entry(io.yizhan.contracts.station.StationRegistered.TYPE, EventMother::stationRegistered),
          Map.entry(io.yizhan.contracts.station.StationUpdated.TYPE, EventMother::stationUpdated),
          Map.entry(io.yizhan.contracts.maintenance.MaintenanceRecorded.TYPE, EventMother::maintenanceRecorded),
          Map.entry(io.yizhan.contracts.maintenance.MaintenanceOverdue.TYPE, EventMother::maintenanceOverdue),
          Map.entry(io.yizhan.contracts.maintenance.ActivityLogged.TYPE, EventMother::activityLogged),
          Map.entry(io.yizhan.contracts.station.StationHoursChanged.TYPE, EventMother::stationHoursChanged),
          Map.entry(io.yizhan.contracts.station.StationStatusChanged.TYPE, EventMother::stationStatusChanged),
          Map.entry(io.yizhan.contracts.visit.VisitRecorded.TYPE, EventMother::visitRecorded),
          Map.entry(io.yizhan.contracts.visit.VisitReported.TYPE, EventMother::visitReported),
          Map.entry(io.yizhan.contracts.utilization.StationHourCounted.TYPE, EventMother::stationHourCounted),
          Map.entry(io.yizhan.contracts.utilization.StandingChanged.TYPE, EventMother::standingChanged),
          Map.entry(io.yizhan.contracts.station.StandingFlagged.TYPE, EventMother::standingFlagged));

  @TestFactory
  Iterable<DynamicTest> every_event_type_has_an_example() {
    return EventCatalog.ALL.stream()
        .map(type -> DynamicTest.dynamicTest(type.name(), () -> assertThat(EXAMPLES).containsKey(type)))
        .toList();
  }

  @TestFactory
  Iterable<DynamicTest> writing_an_event_gives_its_golden_json() {
    return EXAMPLES.entrySet().stream()
        .map(e -> DynamicTest.dynamicTest(e.getKey().name(), () -> {
          JsonNode written = EventJson.mapper().readTree(EventJson.write(e.getValue().get()));
          JsonNode golden = EventJson.mapper().readTree(golden(e.getKey()));
          assertThat(written).isEqualTo(golden);
        }))
        .toList();
  }

  @TestFactory
  Iterable<DynamicTest> reading_the_golden_json_gives_the_event_back() {
    return EXAMPLES.entrySet().stream()
        .map(e -> DynamicTest.dynamicTest(e.getKey().name(), () ->
            assertThat((Object) EventJson.read(golden(e.getKey()), e.getKey()))
                .isEqualTo(e.getValue().get())))
        .toList();
  }

  @TestFactory
  Iterable<DynamicTest> golden_json_conforms_to_the_published_schema() {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    ObjectMapper jackson2 = new ObjectMapper();
    return EXAMPLES.keySet().stream()
        .map(type -> DynamicTest.dynamicTest(type.name(), () -> {
          try (InputStream schema = GoldenEventsTest.class.getResourceAsStream(type.schemaResource())) {
            assertThat(schema).as("schema " + type.schemaResource()).isNotNull();
            Set<ValidationMessage> problems =
                factory.getSchema(schema).validate(jackson2.readTree(golden(type)));
            assertThat(problems).isEmpty();
          }
        }))
        .toList();
  }

  @TestFactory
  Iterable<DynamicTest> every_event_type_is_documented_for_integrators_in_the_asyncapi_document() throws IOException {
    String asyncapi = java.nio.file.Files.readString(java.nio.file.Path.of("asyncapi.yaml"));
    return EventCatalog.ALL.stream()
        .map(type -> DynamicTest.dynamicTest(type.name(), () -> {
          assertThat(asyncapi).contains("name: " + type.name() + "\n");
          assertThat(asyncapi).contains("src/main/resources" + type.schemaResource());
        }))
        .toList();
  }

  @org.junit.jupiter.api.Test
  void a_visit_written_before_station_open_was_added_still_reads_with_it_unknown() throws IOException {
    var old = EventJson.read(golden("/golden/visit.recorded.v1.before-additions.json"),
        io.yizhan.contracts.visit.VisitRecorded.TYPE);
    assertThat(old.data().stationOpen()).isNull();
    assertThat(old.data().workerToken()).isEqualTo("w-7f3a91");
  }

  @org.junit.jupiter.api.Test
  void a_registration_written_before_the_optional_fields_still_reads_and_conforms() throws IOException {
    byte[] old = golden("/golden/station.registered.v1.before-additions.json");
    assertThat(EventJson.read(old, io.yizhan.contracts.station.StationRegistered.TYPE))
        .isEqualTo(EventMother.stationRegisteredBeforeAdditions());
    try (InputStream schema = GoldenEventsTest.class.getResourceAsStream(
        io.yizhan.contracts.station.StationRegistered.TYPE.schemaResource())) {
      assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema)
          .validate(new ObjectMapper().readTree(old))).isEmpty();
    }
  }

  static byte[] golden(EventType<?> type) {
    return golden("/golden/" + type.name() + ".v" + type.version() + ".json");
  }

  static byte[] golden(String path) {
    try (InputStream in = GoldenEventsTest.class.getResourceAsStream(path)) {
      assertThat(in).as("golden file " + path).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
