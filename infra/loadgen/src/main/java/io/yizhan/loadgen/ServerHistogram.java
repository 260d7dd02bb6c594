package io.yizhan.loadgen;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One histogram as a service's Prometheus endpoint shows it: its cumulative buckets (upper bound
 * in seconds to how many were at most that), summed over the series whose labels match. Read
 * before and after a benchmark's measured window, the difference is the window's own histogram,
 * as the service itself timed it.
 */
record ServerHistogram(TreeMap<Double, Double> buckets) {

  private static final Pattern BUCKET = Pattern.compile("(\\w+)_bucket\\{([^}]*)} ([0-9.eE+]+)");
  private static final Pattern BOUND = Pattern.compile("le=\"([^\"]+)\"");

  /**
   * Reads {@code family}'s buckets from {@code endpoint} (an actuator's {@code /actuator/prometheus},
   * read as operations).
   * Only that family is asked for: a whole scrape also computes every Kafka binder's offsets,
   * which costs a service more than a benchmark should add to what it measures.
   */
  static ServerHistogram read(HttpClient http, String endpoint, String family, Predicate<String> labels)
      throws Exception {
    String text = http.send(HttpRequest.newBuilder(URI.create(endpoint + "?includedNames=" + family))
        .header("Authorization", Credentials.bearer(Credentials.OPS))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    return parse(text, family, labels);
  }

  static ServerHistogram parse(String text, String family, Predicate<String> labels) {
    TreeMap<Double, Double> buckets = new TreeMap<>();
    Matcher line = BUCKET.matcher(text);
    while (line.find()) {
      if (!line.group(1).equals(family) || !labels.test(line.group(2))) {
        continue;
      }
      Matcher bound = BOUND.matcher(line.group(2));
      if (bound.find()) {
        double le = "+Inf".equals(bound.group(1)) ? Double.POSITIVE_INFINITY : Double.parseDouble(bound.group(1));
        buckets.merge(le, Double.parseDouble(line.group(3)), Double::sum);
      }
    }
    return new ServerHistogram(buckets);
  }

  boolean isEmpty() {
    return buckets.isEmpty();
  }

  /** What was observed after {@code before} was read. */
  ServerHistogram since(ServerHistogram before) {
    TreeMap<Double, Double> window = new TreeMap<>();
    buckets.forEach((le, count) -> window.put(le, count - before.buckets.getOrDefault(le, 0.0)));
    return new ServerHistogram(window);
  }

  double total() {
    return buckets.isEmpty() ? 0 : buckets.lastEntry().getValue();
  }

  /** The smallest bucket bound, in seconds, with at least {@code quantile} of the total at or under it. */
  double bound(double quantile) {
    for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
      if (bucket.getValue() >= quantile * total()) {
        return bucket.getKey();
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  /** The share of the total at or under {@code seconds}, which must be one of the bucket bounds. */
  double shareWithin(double seconds) {
    Double within = buckets.get(seconds);
    if (within == null) {
      throw new IllegalArgumentException("no bucket at " + seconds + " s; bounds " + buckets.keySet());
    }
    return total() == 0 ? 0 : within / total();
  }
}
