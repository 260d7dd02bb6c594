package io.yizhan.loadgen;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code loadgen demo} fills a running platform with the demo city; {@code loadgen finder}
 * measures the public finder under many concurrent clients; {@code loadgen coverage} times the
 * planners' coverage question. All speak only HTTP.
 *
 * <pre>
 *   java -cp ... io.yizhan.loadgen.Loadgen demo   [--base http://localhost:8080] [--stations 1500] [--concurrency 8]
 *   java -cp ... io.yizhan.loadgen.Loadgen finder [--base http://localhost:8080] [--clients 200] [--warmup 20] [--seconds 60]
 *   java -cp ... io.yizhan.loadgen.Loadgen finder --rate 500 [--base ...] [--warmup 20] [--seconds 60]
 *   java -cp ... io.yizhan.loadgen.Loadgen bulk [--national] [--stations 150000] [--batch 5000] [--base ...]
 *   java -cp ... io.yizhan.loadgen.Loadgen planning [--base ...]     (district boundaries and demand points)
 *   java -cp ... io.yizhan.loadgen.Loadgen coverage [--base ...] [--rounds 20] [--warmup 5] [--cell 250] [--sites 0]
 *   java -cp ... io.yizhan.loadgen.Loadgen visits-batch [--base ...] [--batches 30] [--size 10000] [--concurrency 2]
 *   java -cp ... io.yizhan.loadgen.Loadgen checkins --rate 2000 [--connections 64] [--base ...] [--warmup 10] [--seconds 30]
 *                                                  [--max-connections 1024]   (more opened when all are busy, as phones and an ingress would)
 *                                                  [--target http://localhost:8082]   (check-ins straight to visit-service: what the gateway costs)
 *                                                  [--watch-machine]   (beside it, how late the machine woke a process of its own, second by second)
 *   java -cp ... io.yizhan.loadgen.Loadgen demo-visits [--base ...] [--days 90] [--concurrency 2]   (realistic past visits, then a live trickle)
 *   java -cp ... io.yizhan.loadgen.Loadgen demo-upkeep [--base ...] [--days 90]   (past activities, then the managers' upkeep as it falls due)
 *   java -cp ... io.yizhan.loadgen.Loadgen freshness [--base ...] [--rate 1000] [--seconds 60]
 *   java -cp ... io.yizhan.loadgen.Loadgen rebuild [--base ...]
 *   java -cp ... io.yizhan.loadgen.Loadgen raw [--kafka localhost:9092] [--jdbc jdbc:postgresql://localhost:5433/visit] [--count 500000]
 *   java -cp ... io.yizhan.loadgen.Loadgen machine [--seconds 20] [--busy 1]   (how late the machine wakes a sleeping thread, how fast one thread sorts)
 *   java -cp ... io.yizhan.loadgen.Loadgen machine --watch [--seconds 60]   (each 1 ms sleep woken over 1 ms late, with when)
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
      case "planning" -> System.exit(loadPlanning(base) ? 0 : 1);
      case "coverage" -> coverageBenchmark(base, intOption(options, "rounds", 20), intOption(options, "warmup", 5),
          intOption(options, "cell", 250), intOption(options, "sites", 0));
      case "visits-batch" -> {
        visitBatchBenchmark(base, intOption(options, "batches", 30), intOption(options, "size", 10_000),
            intOption(options, "concurrency", 2), intOption(options, "warmup", 3));
        sayTheVisitsAreReal();
      }
      case "checkins" -> {
        checkinsAtRate(base, options.getOrDefault("target", base), intOption(options, "rate", 2_000),
            intOption(options, "connections", 64),
            intOption(options, "max-connections", intOption(options, "connections", 64)),
            intOption(options, "warmup", 10), intOption(options, "seconds", 30), options.containsKey("watch-machine"));
        sayTheVisitsAreReal();
      }
      case "demo-visits" -> {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        DemoVisits demo = DemoVisits.forListedStations(http, base);
        demo.backfill(http, base, intOption(options, "days", 90), intOption(options, "concurrency", 2));
        if (!options.containsKey("no-trickle")) {
          System.out.println("Live trickle of check-ins started (Ctrl-C stops it).");
          demo.trickle(http, base, intOption(options, "per-minute", 60));
        }
      }
      case "demo-upkeep" -> {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        DemoUpkeep upkeep = DemoUpkeep.forListedStations(http, base);
        upkeep.logActivities(http, base, intOption(options, "days", 90));
        System.out.println("The demo's managers keep up their stations' upkeep (Ctrl-C stops them).");
        upkeep.keepUp(http, base);
      }
      case "freshness" -> {
        UtilizationBenchmarks.freshness(base, intOption(options, "rate", 1_000),
            intOption(options, "warmup", 10), intOption(options, "seconds", 60));
        sayTheVisitsAreReal();
      }
      case "rebuild" -> UtilizationBenchmarks.rebuild(base);
      case "machine" -> {
        if (options.containsKey("watch")) {
          MachineSpeed.watch(intOption(options, "seconds", 60), System.out);
        } else {
          MachineSpeed.measure(intOption(options, "seconds", 20), intOption(options, "busy", 1));
        }
      }
      case "raw" -> RawRates.measure(options.getOrDefault("kafka", "localhost:9092"),
          options.getOrDefault("jdbc", "jdbc:postgresql://localhost:5433/visit"), options.getOrDefault("user", "yizhan"),
          options.getOrDefault("password", "yizhan"), intOption(options, "count", 500_000));
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
   * The demo's visits: the past {@code days} days backfilled (skipped when yesterday, the last day
   * a backfill sends whole, already has visits), then a live trickle of check-ins, about one a
   * second, in a background thread.
   */
  public static void demoVisits(String base, int days) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String yesterday = java.time.LocalDate.now(DemoVisits.CITY).minusDays(1).toString();
    HttpResponse<String> summary = http.send(HttpRequest.newBuilder(URI.create(base + "/api/utilization/summary?from="
        + yesterday + "&to=" + yesterday)).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    DemoVisits demo = DemoVisits.forListedStations(http, base);
    if (summary.statusCode() == 200 && JSON.readTree(summary.body()).path("visits").asLong() > 0) {
      System.out.println("演示到访已存在，跳过回填。Demo visits are already there.");
    } else {
      demo.backfill(http, base, days, 2);
    }
    Thread trickle = new Thread(() -> {
      try {
        demo.trickle(http, base, 60);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        System.err.println("demo check-ins stopped: " + e);
      }
    }, "demo-trickle");
    trickle.setDaemon(true);
    trickle.start();
    System.out.println("Live demo check-ins: about one a second.");
  }

  /**
   * The demo's station managers, in a background thread: the past 90 days' activities logged
   * (once), then each station's upkeep recorded as it falls due, but at the few stations that let
   * it lapse ({@link DemoUpkeep}).
   */
  public static void demoUpkeep(String base) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    DemoUpkeep upkeep = DemoUpkeep.forListedStations(http, base);
    Thread managers = new Thread(() -> {
      try {
        upkeep.logActivities(http, base, 90);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        System.err.println("demo activities stopped: " + e);
      }
      try {
        upkeep.keepUp(http, base);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "demo-upkeep");
    managers.setDaemon(true);
    managers.start();
    System.out.println("Demo station managers: activities of the past 90 days, then upkeep as it falls due.");
  }

  /**
   * Registers the demo city through the API, unless stations exist already (then nothing,
   * unless {@code force}). Prints progress; true when every station was accepted.
   */
  public static boolean loadDemo(String base, int count, int concurrency, boolean force) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    if (!force && alreadyHasStations(http, base)) {
      System.out.println("演示数据已存在，跳过（--force 可再加一批）。Demo data is already there.");
      return loadPlanning(base);
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
          .header("Authorization", Credentials.bearer(Credentials.CITY_ADMIN))
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
    return loadPlanning(base) && rejected.get() == 0;
  }

  /** Uploads every demo district's boundary, demand points and candidate venues (replacing what was there). */
  public static boolean loadPlanning(String base) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    int points = 0;
    int venues = 0;
    for (Outline outline : Outline.of(District.XIAN).values()) {
      String district = java.net.URLEncoder.encode(outline.district().name(), java.nio.charset.StandardCharsets.UTF_8);
      List<Map<String, Object>> demand = DemoPlanning.demand(outline, 20, SEED);
      points += demand.size();
      List<Map<String, Object>> places = DemoPlanning.venues(outline, 3, SEED);
      venues += places.size();
      if (!put(http, base + "/api/coverage/areas/" + district, DemoPlanning.boundary(outline))
          || !put(http, base + "/api/coverage/demand?district=" + district, demand)
          || !put(http, base + "/api/coverage/venues?district=" + district, places)) {
        return false;
      }
    }
    System.out.printf("演示规划数据 planning data: %d district boundaries, %d demand points, %d candidate venues.%n",
        District.XIAN.size(), points, venues);
    return true;
  }

  private static boolean put(HttpClient http, String url, Object body) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(60))
              .header("Content-Type", "application/json")
              .header("Authorization", Credentials.bearer(Credentials.CITY_ADMIN))
              .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        System.err.println("上传失败 upload failed " + url + ": " + response.statusCode() + " " + response.body());
        return false;
      }
      return true;
    } catch (Exception e) {
      System.err.println("上传失败 upload failed " + url + ": " + e);
      return false;
    }
  }

  /**
   * Times the coverage question one at a time (a planner's click, not a crowd): the whole city
   * and every district, plain and weighted by demand, after a warm-up; with a plan of
   * {@code sites} new stations in each answer, as the planners' map asks.
   */
  public static void coverageBenchmark(String base, int rounds, int warmup, int cellMeters, int sites) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    List<String> questions = new java.util.ArrayList<>();
    questions.add("");
    District.XIAN.forEach(d -> questions.add(d.name()));
    Histogram city = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
    Histogram districts = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
    String sample = "";
    for (int round = 0; round < warmup + rounds; round++) {
      for (String district : questions) {
        for (boolean weighted : new boolean[] {false, true}) {
          String url = base + "/api/coverage?minutes=15&cellMeters=" + cellMeters + "&weighted=" + weighted
              + "&sites=" + sites
              + (district.isEmpty() ? "" : "&district=" + java.net.URLEncoder.encode(district, java.nio.charset.StandardCharsets.UTF_8));
          long start = System.nanoTime();
          HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
          long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
          if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " → " + response.statusCode() + " " + response.body());
          }
          if (round >= warmup) {
            (district.isEmpty() ? city : districts).recordValue(micros);
            if (district.isEmpty() && !weighted) {
              sample = response.body().substring(0, Math.min(400, response.body().length()));
            }
          }
        }
      }
    }
    System.out.printf("coverage via %s, %d m cells, %d new sites planned, %d rounds after %d warm-up%n", base, cellMeters,
        sites, rounds, warmup);
    System.out.printf("  whole city (%d answers): p50 %.0f ms  p99 %.0f ms  max %.0f ms%n", city.getTotalCount(),
        ms(city.getValueAtPercentile(50)), ms(city.getValueAtPercentile(99)), ms(city.getMaxValue()));
    System.out.printf("  one district (%d answers): p50 %.0f ms  p99 %.0f ms  max %.0f ms%n", districts.getTotalCount(),
        ms(districts.getValueAtPercentile(50)), ms(districts.getValueAtPercentile(99)), ms(districts.getMaxValue()));
    System.out.println("  city answer begins: " + sample);
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
              .header("Authorization", Credentials.bearer(Credentials.CITY_ADMIN))
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
          HttpRequest.newBuilder(URI.create(base + "/api/stations?limit=1")).timeout(Duration.ofSeconds(10))
              .header("Authorization", Credentials.bearer(Credentials.CITY_ADMIN)).build(),
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
    printLatencies(latencies);
  }

  /** Finder queries at a fixed rate, open loop ({@link #openLoop}). */
  public static void finderAtRate(String base, int perSecond, int warmupSeconds, int seconds) throws Exception {
    OpenLoop run = openLoop(perSecond, warmupSeconds, seconds, 200, () -> randomFinderRequest(base));
    System.out.printf("finder nearby via %s: %d requests/s offered, %d s measured after %d s warm-up%n", base,
        perSecond, seconds, warmupSeconds);
    System.out.printf("  answered %d, errors %d, most in flight at once %d%n", run.latencies().getTotalCount(),
        run.errors(), run.maxInFlight());
    printLatencies(run.latencies());
  }

  /** What an open-loop run measured: latencies of the answers due after the warm-up. */
  private record OpenLoop(Histogram latencies, long errors, int maxInFlight) {}

  /**
   * Starts {@code perSecond} requests a second whatever the answers do, as many independent
   * phones would. Latency counts from when a request was due, so a stalled server is not hidden
   * by the driver waiting for it (no coordinated omission).
   */
  private static OpenLoop openLoop(int perSecond, int warmupSeconds, int seconds, int okStatus,
      java.util.function.Supplier<HttpRequest> next) throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(4);
    HttpClient http = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(5)).build();
    Histogram latencies = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
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
      pending.add(http.sendAsync(next.get(), HttpResponse.BodyHandlers.discarding()).handle((r, e) -> {
        inFlight.decrementAndGet();
        if (due >= warmupEnds) {
          if (e != null || r.statusCode() != okStatus) {
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
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    executor.shutdownNow();
    return new OpenLoop(latencies, errors.get(), maxInFlight.get());
  }

  private static void printLatencies(Histogram latencies) {
    System.out.printf("  latency ms: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n",
        ms(latencies.getValueAtPercentile(50)), ms(latencies.getValueAtPercentile(90)),
        ms(latencies.getValueAtPercentile(99)), ms(latencies.getValueAtPercentile(99.9)), ms(latencies.getMaxValue()));
  }

  /**
   * A benchmark's visits go through the real path to real stations, so they are counted like any
   * other: a run at 2,000/s adds tens of thousands of today's visits to the demo's stations, and
   * the dashboards then show most of them overloaded. Said after each run, so that nobody reads
   * the demo's figures afterwards as the demo's.
   */
  private static void sayTheVisitsAreReal() {
    System.out.println("""
        注意：这些到访已作为真实到访计入演示站点今天的统计，看板上的忙闲、开放时间外占比会因此偏高。
        要看演示数据本来的样子：./yizhan down，删除 .yizhan/ 目录，再 ./yizhan up --demo。
        Note: these visits are counted as real ones at the demo's stations, today. For the demo's own
        figures again: ./yizhan down, delete .yizhan/, then ./yizhan up --demo.""");
  }

  /** Ids of the first 1,000 stations the platform lists: where generated visits go. */
  static List<String> listedStations(String base) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> listed = http.send(HttpRequest.newBuilder(URI.create(base + "/api/stations?limit=1000"))
        .timeout(Duration.ofSeconds(30)).header("Authorization", Credentials.bearer(Credentials.CITY_ADMIN)).build(),
        HttpResponse.BodyHandlers.ofString());
    List<String> stations = new java.util.ArrayList<>();
    java.util.regex.Matcher ids = java.util.regex.Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(listed.body());
    while (ids.find()) {
      stations.add(ids.group(1));
    }
    if (stations.isEmpty()) {
      throw new IllegalStateException("no stations listed at " + base + ": run ./yizhan up --demo first");
    }
    return stations;
  }

  /**
   * District feeds at full speed: {@code concurrency} senders each posting NDJSON batches of
   * {@code size} visits (to the first 1,000 stations the platform lists, over the past hour) as
   * fast as they are answered. Counts only visits the answers report as accepted.
   */
  public static void visitBatchBenchmark(String base, int batches, int size, int concurrency, int warmup)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    List<String> stations = listedStations(base);
    String[] workers = {"SANITATION", "TAXI_DRIVER", "TRAFFIC_POLICE", "CITY_MANAGEMENT", "COURIER", "FOOD_DELIVERY",
        "RIDE_HAILING", "OTHER"};
    String run = Long.toString(System.currentTimeMillis(), 36);
    // Bodies built before the clock starts: the driver's JSON is not what is measured.
    List<String> bodies = new java.util.ArrayList<>();
    java.util.Random random = new java.util.Random(SEED);
    long now = System.currentTimeMillis();
    for (int b = 0; b < warmup + batches; b++) {
      StringBuilder body = new StringBuilder(size * 200);
      for (int i = 0; i < size; i++) {
        body.append("{\"visitId\":\"lg-").append(run).append('-').append(b).append('-').append(i)
            .append("\",\"stationId\":\"").append(stations.get(random.nextInt(stations.size())))
            .append("\",\"visitedAt\":\"").append(java.time.Instant.ofEpochMilli(now - random.nextInt(3_600_000)))
            .append("\",\"workerType\":\"").append(workers[random.nextInt(workers.length)])
            .append("\",\"services\":[\"WATER\",\"REST\"]}\n");
      }
      bodies.add(body.toString());
    }
    Histogram latencies = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
    long countedBefore = UtilizationBenchmarks.countedSoFar(http);
    AtomicLong acceptedWithWarmup = new AtomicLong();
    AtomicLong accepted = new AtomicLong();
    AtomicInteger next = new AtomicInteger();
    long[] measuredFrom = {0};
    Runnable sender = () -> {
      for (int b; (b = next.getAndIncrement()) < bodies.size(); ) {
        if (b == warmup) {
          synchronized (measuredFrom) {
            if (measuredFrom[0] == 0) {
              measuredFrom[0] = System.nanoTime();
            }
          }
        }
        long start = System.nanoTime();
        try {
          HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/visits/batch"))
              .timeout(Duration.ofMinutes(3))
              .header("Content-Type", "application/x-ndjson")
              .header("Authorization", Credentials.bearer(Credentials.CITY_ADMIN))
              .POST(HttpRequest.BodyPublishers.ofString(bodies.get(b)))
              .build(), HttpResponse.BodyHandlers.ofString());
          java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"accepted\":(\\d+)").matcher(response.body());
          if (response.statusCode() != 200 || !m.find()) {
            System.err.println("batch " + b + ": " + response.statusCode() + " "
                + response.body().substring(0, Math.min(300, response.body().length())));
          } else {
            long acceptedNow = Long.parseLong(m.group(1));
            acceptedWithWarmup.addAndGet(acceptedNow);
            if (b >= warmup) {
              accepted.addAndGet(acceptedNow);
              latencies.recordValue(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start));
            }
          }
        } catch (Exception e) {
          System.err.println("batch " + b + ": " + e);
        }
      }
    };
    List<Thread> threads = new java.util.ArrayList<>();
    for (int t = 0; t < concurrency; t++) {
      Thread thread = new Thread(sender, "batch-sender-" + t);
      thread.start();
      threads.add(thread);
    }
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - measuredFrom[0]) / 1e9;
    System.out.printf("visit batches via %s: %d × %d visits, %d senders, after %d warm-up batches%n", base, batches,
        size, concurrency, warmup);
    System.out.printf("  accepted %d in %.1f s: %.0f visits/s%n", accepted.get(), seconds, accepted.get() / seconds);
    System.out.printf("  per batch ms: p50 %.0f  p90 %.0f  p99 %.0f  max %.0f%n", ms(latencies.getValueAtPercentile(50)),
        ms(latencies.getValueAtPercentile(90)), ms(latencies.getValueAtPercentile(99)), ms(latencies.getMaxValue()));
    // Accepted is not yet counted: on a small machine counting falls behind while ingestion takes
    // the CPU. What a district's burst costs end to end is until its last visit is counted.
    UtilizationBenchmarks.followCounting(http, countedBefore, acceptedWithWarmup.get(), accepted.get(), measuredFrom[0]);
  }

  /**
   * Single QR check-ins at a fixed rate, each a new visit to a random station among the first
   * 1,000 listed, over {@code connections} keep-alive connections, or more up to {@code
   * maxConnections} when all are busy ({@link KeepAliveLoad}: open loop, latency from when each was
   * due). Then the same window as the services on the way timed
   * it (their {@code http_server_requests} buckets before and after): what the generator saw
   * beyond that is its own share of two cores and the sockets between. With {@code watchMachine},
   * also how late the machine woke a process of its own in each second of the window ({@link
   * MachineSpeed.Watch}): a slow second there too was the machine's, not the platform's.
   */
  public static void checkinsAtRate(String base, String target, int perSecond, int connections, int maxConnections,
      int warmupSeconds, int seconds, boolean watchMachine) throws Exception {
    List<String> stations = listedStations(base);
    Map<String, String> timedBy = new LinkedHashMap<>();
    if (target.equals(base)) {
      timedBy.put("gateway", base + "/actuator/prometheus");
      timedBy.put("visit-service", UtilizationBenchmarks.visitMetrics());
    } else {
      timedBy.put("visit-service", target + "/actuator/prometheus");
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    // Watching before the run starts, so that the window's reading below is timed from the run's start.
    // Closed however the run ends: the watch's process goes with it.
    try (MachineSpeed.Watch machine = watchMachine ? MachineSpeed.Watch.start(warmupSeconds + seconds + 2) : null) {
      // Read when the warm-up ends, off the generator's thread, which must keep sending on time.
      CompletableFuture<Map<String, ServerHistogram>> atWindowStart = CompletableFuture.supplyAsync(
          () -> answerTimes(http, timedBy), CompletableFuture.delayedExecutor(
              TimeUnit.SECONDS.toMillis(warmupSeconds) + KeepAliveLoad.START_DELAY_MILLIS, TimeUnit.MILLISECONDS));
      KeepAliveLoad.Result run = KeepAliveLoad.run(URI.create(target + "/api/visits"), connections, maxConnections, perSecond,
          warmupSeconds, seconds, 201, () -> new KeepAliveLoad.Request(
              "Content-Type: application/json\r\nIdempotency-Key: " + UUID.randomUUID() + "\r\nX-Forwarded-For: "
                  + Phones.any() + "\r\n",
              ("{\"stationId\":\"" + stations.get(ThreadLocalRandom.current().nextInt(stations.size()))
                  + "\",\"workerType\":\"FOOD_DELIVERY\",\"services\":[\"WATER\"]}").getBytes(StandardCharsets.UTF_8)));
      Map<String, ServerHistogram> atWindowEnd = answerTimes(http, timedBy);
      System.out.printf("check-ins via %s: %d/s offered over %s, %d s measured after %d s warm-up%n", target,
          perSecond, maxConnections == connections ? connections + " connections"
              : run.connectionsOpened() + " connections (" + connections + " at first, up to " + maxConnections + ")",
          seconds, warmupSeconds);
      System.out.printf("  recorded %d (%.0f/s), errors %d, most due at once but not yet sent "
              + "(no free connection, or the generator late) %d%n",
          run.latencies().getTotalCount(), run.latencies().getTotalCount() / (double) seconds, run.errors(),
          run.mostWaiting());
      printLatencies(run.latencies());
      System.out.println("  slowest each second, ms: " + inMillis(run.slowestEachSecond()));
      if (machine != null) {
        System.out.println("  the machine meanwhile, a 1 ms sleep in a process of its own woken late at most, each second, ms: "
            + inMillis(machine.slowestEachSecond(run.measuredFromEpochMillis(), seconds)));
      }
      System.out.printf("  answered within 50 ms: %.2f %% as the generator saw them; from the write to the answer read "
              + "%.2f %% (p50 %.1f, p99 %.1f ms)%n", run.latencies().getPercentileAtOrBelowValue(50_000),
          run.sentToAnswered().getPercentileAtOrBelowValue(50_000), ms(run.sentToAnswered().getValueAtPercentile(50)),
          ms(run.sentToAnswered().getValueAtPercentile(99)));
      Map<String, ServerHistogram> before = atWindowStart.get(60, TimeUnit.SECONDS);
      atWindowEnd.forEach((service, after) -> {
        ServerHistogram window = after.since(before.get(service));
        if (after.isEmpty() || before.get(service).isEmpty()) {
          System.out.printf("  %s's own timing: no check-in answer-time buckets at %s%n", service, timedBy.get(service));
          return;
        }
        System.out.printf("  %s's own timing of the window (%.0f answered): within 50 ms %.2f %%, p50 ≤ %.0f ms, "
                + "p99 ≤ %.0f ms (bucket bounds)%n", service, window.total(), 100 * window.shareWithin(0.05),
            1000 * window.bound(0.5), 1000 * window.bound(0.99));
      });
    }
  }

  /**
   * Each service's histogram of the check-ins it answered 201, by its own timer; empty where the
   * service has no such buckets (management.metrics.distribution.slo) or could not be asked.
   */
  private static Map<String, ServerHistogram> answerTimes(HttpClient http, Map<String, String> timedBy) {
    Map<String, ServerHistogram> histograms = new LinkedHashMap<>();
    timedBy.forEach((service, endpoint) -> {
      ServerHistogram histogram;
      try {
        histogram = ServerHistogram.read(http, endpoint, "http_server_requests_seconds",
            labels -> labels.contains("uri=\"/api/visits\"") && labels.contains("status=\"201\"")
                && labels.contains("method=\"POST\""));
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        histogram = new ServerHistogram(new TreeMap<>());
      }
      histograms.put(service, histogram);
    });
    return histograms;
  }

  private static HttpRequest randomFinderRequest(String base) {
    District district = queryArea.get(ThreadLocalRandom.current().nextInt(queryArea.size()));
    double lat = district.latitude() + ThreadLocalRandom.current().nextGaussian() * 0.02;
    double lon = district.longitude() + ThreadLocalRandom.current().nextGaussian() * 0.02;
    return HttpRequest.newBuilder(URI.create(
            base + "/api/finder/nearby?lat=" + lat + "&lon=" + lon + "&radius=3000&limit=10"))
        .header("X-Forwarded-For", Phones.any())
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

  /** Microseconds as whole milliseconds, separated by spaces. */
  private static String inMillis(long[] micros) {
    return Arrays.stream(micros).mapToObj(m -> String.valueOf(Math.round(m / 1000.0))).collect(Collectors.joining(" "));
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
