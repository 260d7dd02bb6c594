package io.yizhan.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.gateway.ratelimit.TokenBuckets.Decision;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

  final AtomicLong clock = new AtomicLong();
  final TokenBuckets buckets = new TokenBuckets(2, 3, 2, clock::get);

  @Test
  void a_client_gets_its_burst_then_the_rate_and_is_told_when_to_retry() {
    assertThat(buckets.take("10.0.0.1")).isEqualTo(new Decision.Allowed(2));
    assertThat(buckets.take("10.0.0.1")).isEqualTo(new Decision.Allowed(1));
    assertThat(buckets.take("10.0.0.1")).isEqualTo(new Decision.Allowed(0));
    assertThat(buckets.take("10.0.0.1")).isEqualTo(new Decision.Refused(1));
    // Another client is not affected.
    assertThat(buckets.take("10.0.0.2")).isInstanceOf(Decision.Allowed.class);

    clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));   // 2/s: one token back
    assertThat(buckets.take("10.0.0.1")).isEqualTo(new Decision.Allowed(0));
    assertThat(buckets.take("10.0.0.1")).isInstanceOf(Decision.Refused.class);
  }

  @Test
  void full_buckets_are_forgotten_and_beyond_the_cap_clients_pass_untracked() {
    buckets.take("a");
    buckets.take("b");
    assertThat(buckets.take("c")).isInstanceOf(Decision.Untracked.class);

    buckets.forgetIdle();
    assertThat(buckets.tracked()).as("half a second has not refilled them").isEqualTo(2);
    clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
    buckets.forgetIdle();
    assertThat(buckets.tracked()).isZero();
    assertThat(buckets.take("c")).isInstanceOf(Decision.Allowed.class);
  }
}
