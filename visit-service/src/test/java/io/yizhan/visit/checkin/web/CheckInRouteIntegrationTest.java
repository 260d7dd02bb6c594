package io.yizhan.visit.checkin.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.testkit.YizhanIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

/** Check-ins taken by the Netty route ahead of WebFlux, as the service runs by default. */
@YizhanIntegrationTest
class CheckInRouteIntegrationTest extends CheckInAnswers {

  @Test
  void a_check_in_with_a_query_string_is_still_a_check_in() {
    String station = registeredStation();
    http.post().uri("/api/visits?source=qr").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("stationId", station, "workerType", "SANITATION")).exchange()
        .expectStatus().isCreated();
  }

  @Test
  void a_body_far_larger_than_a_check_in_is_refused_and_pointed_to_the_batch_endpoint() {
    String large = "{\"stationId\": \"" + "x".repeat(20_000) + "\"}";
    http.post().uri("/api/visits").contentType(MediaType.APPLICATION_JSON).bodyValue(large).exchange()
        .expectStatus().isEqualTo(413)
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("/api/visits/batch"));

    // Sent in chunks, without a declared length: refused once it grows past the limit.
    Flux<DataBuffer> chunks = Flux.range(0, 40).map(i -> DefaultDataBufferFactory.sharedInstance
        .wrap(("{\"stationId\": \"" + "y".repeat(1_000)).getBytes(StandardCharsets.UTF_8)));
    http.post().uri("/api/visits").contentType(MediaType.APPLICATION_JSON).body(chunks, DataBuffer.class).exchange()
        .expectStatus().isEqualTo(413);
  }
}
