package io.yizhan.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.yizhan.gateway.Problems;
import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The anonymous callers' token buckets, one per client, shared by the public paths
 * ({@link PublicRateLimitFilter}) and anonymous check-ins (the check-in relay, which WebFlux's
 * filters never see): a phone's finder queries and its check-ins draw on the same bucket.
 * Limits are per gateway instance: with N instances a client may get up to N times the rate.
 */
@Component
@EnableConfigurationProperties(PublicRateLimitProperties.class)
@ConditionalOnProperty(name = "yizhan.gateway.public-rate-limit.enabled", havingValue = "true", matchIfMissing = true)
public class PublicRateLimit {

  private final TokenBuckets buckets;
  private final boolean trustForwardedFor;
  private final Counter refused;
  private final Counter untracked;

  PublicRateLimit(PublicRateLimitProperties properties, MeterRegistry meters) {
    this.buckets = new TokenBuckets(properties.perSecond(), properties.burst(), properties.maxClients(), System::nanoTime);
    this.trustForwardedFor = properties.trustForwardedFor();
    this.refused = Counter.builder("yizhan.gateway.rate_limited")
        .description("Public requests refused with 429 because their client exceeded its rate").register(meters);
    this.untracked = Counter.builder("yizhan.gateway.rate_limit_untracked")
        .description("Public requests let through unlimited because too many clients were tracked").register(meters);
    meters.gauge("yizhan.gateway.rate_limit_clients", buckets, TokenBuckets::tracked);
  }

  /** One request of this client, counted in the metrics when refused or untracked. */
  public TokenBuckets.Decision take(@Nullable String forwardedFor, @Nullable InetSocketAddress remote) {
    TokenBuckets.Decision decision = buckets.take(client(forwardedFor, remote));
    if (decision instanceof TokenBuckets.Decision.Refused) {
      refused.increment();
    } else if (decision instanceof TokenBuckets.Decision.Untracked) {
      untracked.increment();
    }
    return decision;
  }

  /** The TCP peer, or the first X-Forwarded-For address where an ingress sets that header. */
  private String client(@Nullable String forwardedFor, @Nullable InetSocketAddress remote) {
    if (trustForwardedFor && forwardedFor != null && !forwardedFor.isBlank()) {
      return forwardedFor.split(",", 2)[0].strip();
    }
    return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
  }

  @Scheduled(fixedDelay = 30_000)
  void forgetIdle() {
    buckets.forgetIdle();
  }

  /** The 429's problem detail. */
  public static byte[] tooManyRequests(long retryAfterSeconds) {
    return Problems.json(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "请求过于频繁 (too many requests)",
        "请求过于频繁，请 " + retryAfterSeconds + " 秒后再试。Too many requests from this address; retry after "
            + retryAfterSeconds + " s.", "rate-limited"));
  }
}
