package io.yizhan.loadgen;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code loadgen demo} fills a running platform with the demo city; {@code loadgen finder}
 * measures the public finder under many concurrent clients. Both speak only HTTP.
 *
 * <pre>
 *   java -cp ... io.yizhan.loadgen.Loadgen demo   [--base http://localhost:8080] [--stations 1500] [--concurrency 8]
 *   java -cp ... io.yizhan.loadgen.Loadgen finder [--base http://localhost:8080] [--clients 200] [--warmup 20] [--seconds 60]
 *   java -cp ... io.yizhan.loadgen.Loadgen finder --rate 500 [--base ...] [--warmup 20] [--seconds 60]
 *   java -cp ... io.yizhan.loadgen.Loadgen bulk [--national] [--stations 150000] [--batch 5000] [--base ...]
 * </pre>
 */
public final class Loadgen {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final long SEED = 20261128L;
  /** Where finder queries come from: central Xi'an, or (with --national) all the major cities. */
  private static List<District> queryArea = District.XIAN.subList(0, 7);

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: Loadgen demo|finder [--option value ...]");
      System.exit(2);
    }
    Map<String, String> options = options(args);
    if (options.containsKey("national")) {
      queryArea = District.CHINA;
    }
    String base = options.getOrDefault("base", "http://localhost:8080");
    switch (args[0]) {
      case "demo" -> System.exit(loadDemo(base, intOption(options, "stations", 1500),
          intOption(options, "concurrency", 8), options.containsKey("force")) ? 0 : 1);
      case "bulk" -> System.exit(bulkImport(base, intOption(options, "stations", 150_000),
          intOption(options, "batch", 5_000), options.containsKey("national")) ? 0 : 1);
      case "finder" -> {
        if (options.containsKey("rate")) {
          finderAtRate(base, intOption(options, "rate", 500), intOption(options, "warmup", 20),
              intOption(options, "seconds", 60));
        } else {
          finderBenchmark(base, intOption(options, "clients", 200), intOption(options, "warmup", 20),
              intOption(options, "seconds", 60));
        }
      }
      default -> {
        System.err.println("unknown command " + args[0]);
        System.exit(2);
      }
    }
  }

  /**
   * Registers the demo city through the API, unless stations exist already (then nothing,
   * unless {@code force}). Prints progress; true when every station was accepted.
   */
  public static boolean loadDemo(String base, int count, int concurrency, boolean force) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    if (!force && alreadyHasStations(http, base)) {
      System.out.println("演示数据已存在，跳过（--force 可再加一批）。Demo data is already there.");
      return true;
    }
    List<Map<String, Object>> stations = DemoCity.stations(count, SEED + (force ? System.nanoTime() : 0));
    Semaphore inFlight = new Semaphore(concurrency);
    AtomicInteger done = new AtomicInteger();
    AtomicInteger rejected = new AtomicInteger();
    long started = System.nanoTime();
    int step = Math.max(1, count / 20);
    for (Map<String, Object> station : stations) {
      inFlight.acquire();
      HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/stations"))
          .timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(station)))
          .build();
      http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
        if (error != null || response.statusCode() != 201) {
          if (rejected.incrementAndGet() <= 3) {
            System.err.println("未能登记 " + station.get("name") + ": "
                + (error != null ? error : response.statusCode() + " " + response.body()));
          }
        }
        int n = done.incrementAndGet();
        if (n % step == 0 || n == count) {
          System.out.printf("演示数据 demo stations: %d/%d (%d%%)%n", n, count, n * 100 / count);
        }
        inFlight.release();
      });
    }
    inFlight.acquire(concurrency);
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("Registered %d stations in %.1f s (%.0f/s), %d rejected.%n",
        count - rejected.get(), seconds, (count - rejected.get()) / seconds, rejected.get());
    return rejected.get() == 0;
  }

  /**
   * Registers many demo stations through the bulk import, {@code batch} rows per file: the way
   * to load national scale (150,000) in minutes rather than hours.
   */
  public static boolean bulkImport(String base, int count, int batch, boolean national) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    List<Map<String, Object>> stations = national
        ? DemoCity.nationalStations(count, SEED + 1)
        : DemoCity.stations(count, SEED + 1);
    long started = System.nanoTime();
    for (int from = 0; from < count; from += batch) {
      List<Map<String, Object>> slice = stations.subList(from, Math.min(count, from + batch));
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(URI.create(base + "/api/stations/import"))
              .timeout(Duration.ofMinutes(5))
              .header("Content-Type", "text/csv")
              .POST(HttpRequest.BodyPublishers.ofString(StationCsv.write(slice)))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 201) {
        System.err.println("导入失败 import failed at row " + from + ": " + response.statusCode() + " "
            + response.body().substring(0, Math.min(1000, response.body().length())));
        return false;
      }
      int done = from + slice.size();
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf("批量导入 bulk import: %d/%d (%d%%), %.0f stations/s%n", done, count, done * 100L / count,
          done / seconds);
    }
    return true;
  }

  private static boolean alreadyHasStations(HttpClient http, String base) {
    try {
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(URI.create(base + "/api/stations?limit=1")).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && !response.body().strip().equals("[]");
    } catch (Exception e) {
      throw new IllegalStateException("Cannot reach " + base + ": is the platform up?", e);
    }
  }

  /**
   * Closed loop: {@code clients} concurrent clients, each sending its next finder query as soon
   * as the last one answered, from random places in the demo city. Latencies count after the
   * warm-up only.
   */
  public static void finderBenchmark(String base, int clients, int warmupSeconds, int seconds) throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(4);
    HttpClient http = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(5)).build();
    Histogram latencies = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(30), 3);
    AtomicLong errors = new AtomicLong();
    AtomicLong resultsSeen = new AtomicLong();
    long warmupEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds);
    long ends = warmupEnds + TimeUnit.SECONDS.toNanos(seconds);
    CompletableFuture<?>[] loops = new CompletableFuture<?>[clients];
    for (int i = 0; i < clients; i++) {
      loops[i] = clientLoop(http, base, warmupEnds, ends, latencies, errors, resultsSeen);
    }
    CompletableFuture.allOf(loops).get(warmupSeconds + seconds + 60L, TimeUnit.SECONDS);
    executor.shutdownNow();
    long count = latencies.getTotalCount();
    System.out.printf("finder nearby via %s: %d clients, %d s measured after %d s warm-up%n", base, clients, seconds,
        warmupSeconds);
    System.out.printf("  requests %d, %.0f/s, errors %d, mean results per answer %.1f%n", count,
        count / (double) seconds, errors.get(), count == 0 ? 0 : resultsSeen.get() / (double) count);
    System.out.printf("  latency ms: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n",
        ms(latencies.getValueAtPercentile(50)), ms(latencies.getValueAtPercentile(90)),
        ms(latencies.getValueAtPercentile(99)), ms(latencies.getValueAtPercentile(99.9)), ms(latencies.getMaxValue()));
  }

  /**
   * Open loop: requests start at a fixed rate whatever the answers do, as many independent
   * phones would. Latency counts from when a request was due, so a stalled server is not
   * hidden by the driver waiting for it (no coordinated omission).
   */
  public static void finderAtRate(String base, int perSecond, int warmupSeconds, int seconds) throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(4);
    HttpClient http = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(5)).build();
    Histogram latencies = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(30), 3);
    AtomicLong errors = new AtomicLong();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    long start = System.nanoTime();
    long warmupEnds = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
    long total = (long) perSecond * (warmupSeconds + seconds);
    long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
    List<CompletableFuture<?>> pending = new java.util.ArrayList<>();
    for (long i = 0; i < total; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      pending.add(http.sendAsync(randomFinderRequest(base), HttpResponse.BodyHandlers.ofString()).handle((r, e) -> {
        inFlight.decrementAndGet();
        if (due >= warmupEnds) {
          if (e != null || r.statusCode() != 200) {
            errors.incrementAndGet();
          } else {
            latencies.recordValue(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - due));
          }
        }
        return null;
      }));
      if (pending.size() > 10_000) {
        pending.removeIf(CompletableFuture::isDone);
      }
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    executor.shutdownNow();
    System.out.printf("finder nearby via %s: %d requests/s offered, %d s measured after %d s warm-up%n", base,
        perSecond, seconds, warmupSeconds);
    System.out.printf("  answered %d, errors %d, most in flight at once %d%n", latencies.getTotalCount(), errors.get(),
        maxInFlight.get());
    System.out.printf("  latency ms: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n",
        ms(latencies.getValueAtPercentile(50)), ms(latencies.getValueAtPercentile(90)),
        ms(latencies.getValueAtPercentile(99)), ms(latencies.getValueAtPercentile(99.9)), ms(latencies.getMaxValue()));
  }

  private static HttpRequest randomFinderRequest(String base) {
    District district = queryArea.get(ThreadLocalRandom.current().nextInt(queryArea.size()));
    double lat = district.latitude() + ThreadLocalRandom.current().nextGaussian() * 0.02;
    double lon = district.longitude() + ThreadLocalRandom.current().nextGaussian() * 0.02;
    return HttpRequest.newBuilder(URI.create(
            base + "/api/finder/nearby?lat=" + lat + "&lon=" + lon + "&radius=3000&limit=10"))
        .timeout(Duration.ofSeconds(30)).build();
  }

  private static CompletableFuture<Void> clientLoop(HttpClient http, String base, long warmupEnds, long ends,
      Histogram latencies, AtomicLong errors, AtomicLong resultsSeen) {
    if (System.nanoTime() >= ends) {
      return CompletableFuture.completedFuture(null);
    }
    HttpRequest request = randomFinderRequest(base);
    long start = System.nanoTime();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
      long now = System.nanoTime();
      if (now >= warmupEnds && now < ends) {
        if (error != null || response.statusCode() != 200) {
          if (errors.incrementAndGet() <= 3) {
            System.err.println("error: " + (error != null ? error : response.statusCode() + " "
                + response.body().substring(0, Math.min(300, response.body().length()))));
          }
        } else {
          latencies.recordValue(TimeUnit.NANOSECONDS.toMicros(now - start));
          resultsSeen.addAndGet(response.body().split("\"walkingMinutes\"", -1).length - 1);
        }
      }
      return null;
    }).thenCompose(ignored -> clientLoop(http, base, warmupEnds, ends, latencies, errors, resultsSeen));
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      if (args[i].startsWith("--")) {
        String name = args[i].substring(2);
        boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
        options.put(name, hasValue ? args[++i] : "true");
      }
    }
    return options;
  }

  private static int intOption(Map<String, String> options, String name, int fallback) {
    return options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
  }

  private Loadgen() {}
}
