package io.yizhan.loadgen;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Workers' phones as the gateway's per-client rate limit sees them: each request from one of
 * 20,000 addresses, sent as X-Forwarded-For (the devstack's gateway trusts that header; ADR 9).
 * From one address, a benchmark would be one phone, refused past 5 requests a second.
 */
final class Phones {

  static final int COUNT = 20_000;

  /** A random phone's address. */
  static String any() {
    int phone = ThreadLocalRandom.current().nextInt(COUNT);
    return "10." + phone / 256 + "." + phone % 256 + ".7";
  }

  private Phones() {}
}
