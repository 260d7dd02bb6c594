package io.yizhan.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per client: {@code burst} requests at once, refilled at {@code perSecond}.
 * A bucket that has refilled to full is the same as no bucket, so {@link #forgetIdle()} drops
 * those without losing anything; memory follows the clients active in the last few seconds.
 * When more than {@code maxClients} are tracked, new clients pass unlimited (and are counted)
 * rather than the limiter itself becoming the outage.
 */
public final class TokenBuckets {

  private final double perSecond;
  private final double burst;
  private final int maxClients;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public TokenBuckets(double perSecond, int burst, int maxClients, LongSupplier nanoTime) {
    if (!(perSecond > 0) || burst < 1 || maxClients < 1) {
      throw new IllegalArgumentException("rate, burst and client cap must be positive");
    }
    this.perSecond = perSecond;
    this.burst = burst;
    this.maxClients = maxClients;
    this.nanoTime = nanoTime;
  }

  /** The answer for one request. */
  public sealed interface Decision {
    /** Allowed; {@code remaining} whole tokens are left. */
    record Allowed(int remaining) implements Decision {}

    /** Refused; a token will be there in {@code retryAfterSeconds}. */
    record Refused(long retryAfterSeconds) implements Decision {}

    /** Allowed without a bucket because too many clients are tracked. */
    record Untracked() implements Decision {}
  }

  public Decision take(String client) {
    Bucket bucket = buckets.get(client);
    if (bucket == null) {
      if (buckets.size() >= maxClients) {
        return new Decision.Untracked();
      }
      bucket = buckets.computeIfAbsent(client, key -> new Bucket(burst, nanoTime.getAsLong()));
    }
    synchronized (bucket) {
      long now = nanoTime.getAsLong();
      bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updatedAt) / 1e9 * perSecond);
      bucket.updatedAt = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return new Decision.Allowed((int) bucket.tokens);
      }
      return new Decision.Refused((long) Math.ceil((1 - bucket.tokens) / perSecond));
    }
  }

  /** Drops buckets that would be full by now. */
  public void forgetIdle() {
    long now = nanoTime.getAsLong();
    buckets.entrySet().removeIf(e -> {
      synchronized (e.getValue()) {
        return e.getValue().tokens + (now - e.getValue().updatedAt) / 1e9 * perSecond >= burst;
      }
    });
  }

  public int tracked() {
    return buckets.size();
  }

  private static final class Bucket {
    double tokens;
    long updatedAt;

    Bucket(double tokens, long updatedAt) {
      this.tokens = tokens;
      this.updatedAt = updatedAt;
    }
  }
}
