package io.yizhan.visit.checkin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.yizhan.support.problem.UnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.context.Context;

class CheckInAdmissionTest {

  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final CheckInAdmission admission = new CheckInAdmission(2, meters);

  @Test
  void one_check_in_too_many_is_refused_at_once_and_a_place_frees_when_a_check_in_ends() {
    Sinks.One<String> first = Sinks.one();
    Sinks.One<String> second = Sinks.one();
    admission.admit(first.asMono()).subscribe();
    Disposable impatient = admission.admit(second.asMono()).subscribe();

    assertThatThrownBy(() -> admission.admit(Sinks.<String>one().asMono()).block(Duration.ofSeconds(1)))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("1 秒后");
    assertThat(meters.counter("yizhan.visits.check-ins.refused").count()).isEqualTo(1);

    // A caller that goes away does not free its place: its check-in is still being worked on.
    impatient.dispose();
    assertThatThrownBy(() -> admission.admit(Sinks.<String>one().asMono()).block(Duration.ofSeconds(1)))
        .isInstanceOf(UnavailableException.class);

    first.tryEmitValue("stored");
    assertThat(admission.admit(Mono.just("next")).block(Duration.ofSeconds(1))).isEqualTo("next");
    second.tryEmitValue("stored too");
    assertThat(admission.admit(Mono.just("and the next")).block(Duration.ofSeconds(1))).isEqualTo("and the next");
  }

  /** Where the answer is to be heard (Visits.ANSWER_ON) travels in the caller's context. */
  @Test
  void an_admitted_check_in_sees_its_callers_context() {
    Mono<String> checkIn = Mono.deferContextual(context -> Mono.just(context.get("caller")));
    assertThat(admission.admit(checkIn).contextWrite(Context.of("caller", "route")).block(Duration.ofSeconds(1)))
        .isEqualTo("route");
  }
}
