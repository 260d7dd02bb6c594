package io.yizhan.loadgen;

import io.yizhan.contracts.visit.ServiceUsed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Realistic visits for the demo city: ~5 million a year city-wide, with each worker type's hours
 * (sanitation at dawn, riders at lunch, dinner and late at night, drivers in the rush hours),
 * weekends quieter, winter and summer busier, central stations busy and some edge ones idle, and
 * some stations new-economy workers have not found. {@code backfill} posts past days through the
 * district-feed batch endpoint; {@code trickle} keeps single check-ins coming as a live city would.
 * Visit ids are derived from the day and a counter, so running the backfill again adds nothing.
 */
final class DemoVisits {

  static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
  static final double VISITS_PER_YEAR = 5_000_000;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String[] WORKERS = {"SANITATION", "TAXI_DRIVER", "TRAFFIC_POLICE", "CITY_MANAGEMENT", "COURIER",
      "FOOD_DELIVERY", "RIDE_HAILING", "OTHER"};
  /** City-wide mix of visitors (the report: sanitation workers know the stations best). */
  private static final double[] MIX = {0.30, 0.07, 0.05, 0.07, 0.14, 0.20, 0.10, 0.07};
  /** Relative demand by hour of day for each worker type, 0–23. */
  private static final double[][] HOURS = {
      {1, 1, 1, 2, 5, 9, 9, 7, 5, 4, 4, 5, 6, 5, 4, 4, 4, 5, 4, 2, 1, 1, 1, 1},     // sanitation: dawn sweep
      {2, 2, 1, 1, 1, 2, 4, 7, 6, 4, 4, 5, 6, 4, 4, 4, 5, 7, 7, 5, 4, 4, 3, 3},     // taxi
      {0, 0, 0, 0, 0, 1, 4, 9, 8, 4, 3, 4, 5, 3, 3, 4, 6, 9, 8, 3, 1, 1, 0, 0},     // traffic police: rush hours
      {0, 0, 0, 0, 0, 0, 1, 4, 6, 6, 6, 7, 7, 5, 6, 6, 6, 4, 2, 1, 0, 0, 0, 0},     // city management: office day
      {0, 0, 0, 0, 0, 0, 1, 2, 4, 6, 8, 8, 6, 5, 7, 8, 8, 7, 5, 3, 2, 1, 0, 0},     // courier
      {2, 1, 1, 0, 0, 0, 1, 2, 3, 4, 8, 12, 12, 6, 3, 3, 5, 9, 10, 7, 6, 6, 5, 4},  // food delivery: meals, late night
      {4, 3, 2, 1, 1, 1, 3, 6, 6, 4, 3, 4, 4, 3, 3, 4, 5, 7, 8, 6, 5, 5, 5, 5},     // ride-hailing: rush and night
      {0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 5, 6, 6, 5, 5, 5, 5, 4, 3, 2, 1, 1, 0, 0}};    // other

  /** A station as the generator needs it; its amenities decide which services a visit may use there. */
  record Station(String id, String district, boolean central, int capacity, double weight, double newEconomyFactor,
      List<String> amenities) {}

  private final List<Station> stations;
  private final double totalWeight;

  private DemoVisits(List<Station> stations) {
    this.stations = stations;
    this.totalWeight = stations.stream().mapToDouble(Station::weight).sum();
  }

  /** Reads every station of the demo city's districts and gives each a popularity, reproducibly. */
  static DemoVisits forListedStations(HttpClient http, String base) throws Exception {
    Random random = new Random(20261128L);
    List<Station> stations = new ArrayList<>();
    for (JsonNode s : DemoCity.listed(http, base)) {
      boolean central = "MAIN_URBAN".equals(s.path("areaType").asString());
      // Log-normal popularity: most stations ordinary, a few crowded, a tail almost idle.
      double weight = Math.exp(random.nextGaussian() * 0.9) * (central ? 1.6 : 0.7) * Math.max(4, s.get("capacity").asInt()) / 8.0;
      if (random.nextDouble() < 0.08) {
        weight *= 0.05;
      }
      // A fifth of the stations are ones couriers and riders have not heard of.
      double newEconomy = random.nextDouble() < 0.2 ? 0.2 : 1.0;
      List<String> amenities = new ArrayList<>();
      s.get("amenities").forEach(amenity -> amenities.add(amenity.asString()));
      stations.add(new Station(s.get("id").asString(), s.get("district").asString(), central, s.get("capacity").asInt(),
          weight, newEconomy, List.copyOf(amenities)));
    }
    return new DemoVisits(stations);
  }

  int stations() {
    return stations.size();
  }

  /** Seasons: winter warming and summer cooling bring more; spring and autumn fewer. */
  static double season(LocalDate day) {
    return switch (day.getMonth()) {
      case DECEMBER, JANUARY, FEBRUARY -> 1.25;
      case JULY, AUGUST -> 1.3;
      case JUNE, SEPTEMBER -> 1.05;
      default -> 0.85;
    };
  }

  /** The visits of one day, as NDJSON lines; the same day always gives the same visits. */
  List<String> day(LocalDate day, Instant notAfter) {
    Random random = new Random(day.toEpochDay() * 31 + 7);
    double weekday = day.getDayOfWeek().getValue() >= 6 ? 0.8 : 1.0;
    long count = Math.round(VISITS_PER_YEAR / 365 * season(day) * weekday * (0.9 + random.nextDouble() * 0.2));
    List<String> lines = new ArrayList<>((int) count);
    for (int n = 0; n < count; n++) {
      Station station = pickStation(random);
      int worker = pickWorker(random, station);
      int hour = pick(random, HOURS[worker]);
      ZonedDateTime at = day.atStartOfDay(CITY).plusHours(hour).plusSeconds(random.nextInt(3600));
      if (at.toInstant().isAfter(notAfter)) {
        continue;
      }
      lines.add(line("demo-" + day + "-" + n, station.id(), WORKERS[worker], at.toInstant(), services(random, worker, day, station)));
    }
    return lines;
  }

  private Station pickStation(Random random) {
    double target = random.nextDouble() * totalWeight;
    for (Station s : stations) {
      target -= s.weight();
      if (target <= 0) {
        return s;
      }
    }
    return stations.get(stations.size() - 1);
  }

  private static int pickWorker(Random random, Station station) {
    double[] mix = MIX.clone();
    for (int w = 4; w <= 6; w++) {
      mix[w] *= station.newEconomyFactor() * (station.central() ? 1.3 : 0.7);
    }
    return pick(random, mix);
  }

  private static int pick(Random random, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double target = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      target -= weights[i];
      if (target <= 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /** What one visit used: only what its station offers (no toilet visits where there is none). */
  static List<String> services(Random random, int worker, LocalDate day, Station station) {
    List<String> used = new ArrayList<>();
    used.add(random.nextDouble() < 0.6 && ServiceUsed.WATER.offeredWith(station.amenities()) ? "WATER" : "REST");
    if (random.nextDouble() < 0.35) {
      used.add("TOILET");
    }
    if (worker >= 4 && worker <= 6 && random.nextDouble() < 0.5) {
      used.add("CHARGING");
    }
    if ((worker == 0 || worker == 5) && random.nextDouble() < 0.25) {
      used.add("MEAL_HEATING");
    }
    if (season(day) > 1.2 && random.nextDouble() < 0.4) {
      used.add("WARMTH_COOLING");
    }
    if (random.nextDouble() < 0.01) {
      used.add("LEGAL_UNION_SERVICE");
    }
    if (random.nextDouble() < 0.002) {
      used.add("FIRST_AID");
    }
    return used.stream().distinct().filter(service -> ServiceUsed.valueOf(service).offeredWith(station.amenities()))
        .toList();
  }

  private static String line(String visitId, String station, String worker, Instant at, List<String> services) {
    return "{\"visitId\":\"" + visitId + "\",\"stationId\":\"" + station + "\",\"workerType\":\"" + worker
        + "\",\"visitedAt\":\"" + at + "\",\"channel\":\"DISTRICT_FEED\",\"services\":[\""
        + String.join("\",\"", services) + "\"]}";
  }

  /**
   * Posts the visits of the {@code days} days before today (and today so far) in batches of 10,000,
   * printing progress, up to {@code concurrency} batches at once. Returns the visits the platform accepted (duplicates of an earlier run are not).
   */
  long backfill(HttpClient http, String base, int days, int concurrency) throws Exception {
    LocalDate today = LocalDate.now(CITY);
    Instant now = Instant.now();
    long started = System.nanoTime();
    AtomicLong accepted = new AtomicLong();
    AtomicLong duplicates = new AtomicLong();
    long sent = 0;
    // Up to `concurrency` batches on their way at once: one at a time leaves the platform idle
    // while each answer travels back.
    ExecutorService senders = Executors.newFixedThreadPool(concurrency);
    Semaphore inFlight = new Semaphore(concurrency);
    AtomicReference<Exception> failed = new AtomicReference<>();
    try {
      for (int d = days; d >= 0 && failed.get() == null; d--) {
        List<String> lines = day(today.minusDays(d), now);
        for (int from = 0; from < lines.size(); from += 10_000) {
          String body = String.join("\n", lines.subList(from, Math.min(lines.size(), from + 10_000))) + "\n";
          inFlight.acquire();
          senders.execute(() -> {
            try {
              JsonNode report = JSON.readTree(postWithRetries(http, base, body).body());
              accepted.addAndGet(report.get("accepted").asLong());
              duplicates.addAndGet(report.get("duplicates").asLong());
            } catch (Exception e) {
              failed.compareAndSet(null, e);
            } finally {
              inFlight.release();
            }
          });
        }
        sent += lines.size();
        if (d % 10 == 0) {
          double seconds = (System.nanoTime() - started) / 1e9;
          System.out.printf("演示到访 demo visits: %d/%d 天 days, %d 条 visits (%.0f/s)%n", days - d + 1, days + 1, sent,
              sent / seconds);
        }
      }
      inFlight.acquire(concurrency);
    } finally {
      senders.shutdown();
    }
    if (failed.get() != null) {
      throw failed.get();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("Backfilled %d days for %d stations: %d visits accepted, %d already there, in %.0f s%n", days + 1,
        stations(), accepted.get(), duplicates.get(), seconds);
    return accepted.get();
  }

  /**
   * Posts one batch, again after a failure (the platform busy or restarting): a batch is
   * idempotent, since every line has its visit id, so a resend only finds duplicates.
   */
  private static HttpResponse<String> postWithRetries(HttpClient http, String base, String body) throws Exception {
    for (int attempt = 1; ; attempt++) {
      try {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/visits/batch"))
            .timeout(Duration.ofMinutes(3)).header("Content-Type", "application/x-ndjson")
            .header("Authorization", Credentials.bearer(Credentials.CITY_ADMIN))
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
          return answer;
        }
        if (answer.statusCode() < 500 || attempt == 5) {
          throw new IllegalStateException("batch refused: " + answer.statusCode() + " " + answer.body());
        }
        System.err.println("batch not taken (" + answer.statusCode() + "), retrying: attempt " + (attempt + 1) + " of 5");
      } catch (java.io.IOException e) {
        if (attempt == 5) {
          throw e;
        }
        System.err.println("batch not sent (" + e + "), retrying: attempt " + (attempt + 1) + " of 5");
      }
      Thread.sleep(2_000L * attempt);
    }
  }

  /**
   * Live check-ins at about {@code perMinute} a minute, with today's hour-of-day pattern, until
   * the thread is interrupted. Each is a QR check-in at the station's door.
   */
  void trickle(HttpClient http, String base, int perMinute) throws Exception {
    Random random = new Random();
    while (!Thread.currentThread().isInterrupted()) {
      Thread.sleep((long) (-Math.log(1 - random.nextDouble()) * 60_000 / perMinute));
      Station station = pickStation(random);
      int worker = pickWorker(random, station);
      Map<String, Object> checkIn = Map.of("stationId", station.id(), "workerType", WORKERS[worker],
          "services", services(random, worker, LocalDate.now(CITY), station), "channel", "QR_CHECK_IN");
      try {
        http.send(HttpRequest.newBuilder(URI.create(base + "/api/visits")).timeout(Duration.ofSeconds(10))
            .header("X-Forwarded-For", Phones.any())
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(
                JSON.writeValueAsBytes(checkIn))).build(), HttpResponse.BodyHandlers.discarding());
      } catch (java.io.IOException e) {
        // The platform is stopping or restarting: try again with the next visit.
      }
    }
  }
}
