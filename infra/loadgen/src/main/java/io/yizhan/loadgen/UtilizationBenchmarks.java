package io.yizhan.loadgen;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How fresh utilization is under a steady stream of visits, and how fast a rebuild replays. */
final class UtilizationBenchmarks {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String FRESHNESS = "yizhan_utilization_freshness_seconds";

  /**
   * Sends {@code perSecond} visits a second as ten small batches a second (a district feed, or the
   * door scanners of a city, in near real time) and reads visit-service's freshness histogram
   * before and after the measured window: the p99 from a visit's acceptance to its being counted
   * and visible, over exactly the visits of that window.
   */
  static void freshness(String base, int perSecond, int warmupSeconds, int seconds) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String metrics = visitMetrics();
    List<String> stations = Loadgen.listedStations(base);
    int perBatch = Math.max(1, perSecond / 10);
    String run = Long.toString(System.currentTimeMillis(), 36);
    Random random = new Random();
    AtomicLong accepted = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    ServerHistogram before = null;
    long start = System.nanoTime();
    long ticks = (warmupSeconds + seconds) * 10L;
    List<CompletableFuture<?>> pending = new ArrayList<>();
    for (long t = 0; t < ticks; t++) {
      if (t == warmupSeconds * 10L) {
        before = histogram(http, metrics);
      }
      long wait = start + t * 100_000_000L - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      StringBuilder body = new StringBuilder();
      for (int i = 0; i < perBatch; i++) {
        body.append("{\"visitId\":\"fresh-").append(run).append('-').append(t).append('-').append(i)
            .append("\",\"stationId\":\"").append(stations.get(random.nextInt(stations.size())))
            .append("\",\"visitedAt\":\"").append(Instant.now())
            .append("\",\"workerType\":\"FOOD_DELIVERY\",\"services\":[\"WATER\"]}\n");
      }
      pending.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/visits/batch"))
              .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-ndjson")
              .header("Authorization", Credentials.bearer(Credentials.CITY_ADMIN))
              .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString())
          .handle((r, e) -> {
            if (e != null || r.statusCode() != 200) {
              errors.incrementAndGet();
            } else {
              accepted.addAndGet(JSON.readTree(r.body()).get("accepted").asLong());
            }
            return null;
          }));
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    // Let the last visits be counted before reading the histogram again.
    TimeUnit.SECONDS.sleep(5);
    ServerHistogram window = histogram(http, metrics).since(before);
    System.out.printf("freshness via %s: %d visits/s offered as %d batches/s of %d, %d s measured after %d s warm-up%n",
        base, perSecond, 10, perBatch, seconds, warmupSeconds);
    System.out.printf("  accepted %d, errors %d%n", accepted.get(), errors.get());
    for (double q : new double[] {0.5, 0.9, 0.99, 0.999}) {
      System.out.printf("  p%s ≤ %.3f s%n", q * 100 == Math.rint(q * 100) ? String.valueOf((int) (q * 100))
          : String.valueOf(q * 100), window.bound(q));
    }
    System.out.printf("  (%.0f visits counted in the window; from acceptance to visible, histogram bucket bounds)%n",
        window.total());
  }

  private static ServerHistogram histogram(HttpClient http, String metrics) throws Exception {
    ServerHistogram histogram = ServerHistogram.read(http, metrics, FRESHNESS, labels -> true);
    if (histogram.isEmpty()) {
      throw new IllegalStateException("no " + FRESHNESS + " histogram at " + metrics);
    }
    return histogram;
  }

  /**
   * How many visits visit-service has counted into utilization since it started, from the
   * actuator's single-meter endpoint: a Prometheus scrape also computes every Kafka binder's
   * offsets, and scraping it several times a second kept visit-service busy for minutes after.
   */
  static long countedSoFar(HttpClient http) throws Exception {
    return counted(http.send(HttpRequest.newBuilder(URI.create(countedMeter()))
            .header("Authorization", Credentials.bearer(Credentials.OPS)).build(),
        HttpResponse.BodyHandlers.ofString()).body());
  }

  /** The COUNT of an actuator {@code /actuator/metrics/{name}} answer. */
  static long counted(String meter) {
    for (JsonNode measurement : JSON.readTree(meter).path("measurements")) {
      if ("COUNT".equals(measurement.path("statistic").asString())) {
        return (long) measurement.path("value").asDouble();
      }
    }
    throw new IllegalStateException("no COUNT of yizhan.utilization.visits.counted at " + countedMeter());
  }

  private static String countedMeter() {
    return System.getProperty("yizhan.visit.counted",
        "http://localhost:8082/actuator/metrics/yizhan.utilization.visits.counted");
  }

  /**
   * Waits (at most 15 minutes, asking twice a second) until visit-service has counted {@code acceptedWithWarmup} visits
   * more than {@code countedBefore}, and prints how far behind counting was when the last batch
   * was answered, how long it took to catch up, and the end-to-end rate of the measured visits:
   * from the first measured batch sent to the last visit counted.
   */
  static void followCounting(HttpClient http, long countedBefore, long acceptedWithWarmup, long measured,
      long measuredFromNanos) throws Exception {
    long answeredAt = System.nanoTime();
    long counted = countedSoFar(http) - countedBefore;
    long behind = acceptedWithWarmup - counted;
    long deadline = answeredAt + TimeUnit.MINUTES.toNanos(15);
    while (counted < acceptedWithWarmup) {
      if (System.nanoTime() > deadline) {
        System.out.printf("  counted: %d of %d accepted after 15 minutes; stopped waiting%n", counted, acceptedWithWarmup);
        return;
      }
      TimeUnit.MILLISECONDS.sleep(500);
      counted = countedSoFar(http) - countedBefore;
    }
    long doneAt = System.nanoTime();
    System.out.printf("  counted: %d behind when the last batch was answered, all counted %.1f s later; "
            + "end to end %.0f visits/s (first measured batch sent to last visit counted)%n",
        Math.max(0, behind), (doneAt - answeredAt) / 1e9, measured / ((doneAt - measuredFromNanos) / 1e9));
  }

  static String visitMetrics() {
    return System.getProperty("yizhan.visit.metrics", "http://localhost:8082/actuator/prometheus");
  }

  /** Starts a rebuild and follows it to the end, printing progress and the replay rate. */
  static void rebuild(String base) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    long started = System.nanoTime();
    HttpResponse<String> start = http.send(HttpRequest.newBuilder(URI.create(base + "/api/utilization/rebuilds"))
        .timeout(Duration.ofMinutes(2))
        .header("Authorization", Credentials.bearer(Credentials.CITY_ADMIN)).POST(HttpRequest.BodyPublishers.noBody())
        .build(), HttpResponse.BodyHandlers.ofString());
    if (start.statusCode() != 202) {
      throw new IllegalStateException("rebuild refused: " + start.statusCode() + " " + start.body());
    }
    while (true) {
      TimeUnit.SECONDS.sleep(2);
      JsonNode latest = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/utilization/rebuilds/latest"))
          .build(), HttpResponse.BodyHandlers.ofString()).body());
      System.out.println("  " + latest.get("message").asString());
      String state = latest.get("rebuild").get("state").asString();
      if (!"RUNNING".equals(state)) {
        double seconds = (System.nanoTime() - started) / 1e9;
        long replayed = latest.get("rebuild").get("replayed").asLong();
        System.out.printf("rebuild %s: %d records in %.1f s wall clock (%.0f records/s); the service reports %d/s%n",
            state, replayed, seconds, replayed / seconds, latest.get("recordsPerSecond").asLong());
        return;
      }
    }
  }
}
