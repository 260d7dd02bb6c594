package io.yizhan.devstack;

import io.yizhan.issuer.DemoClients;
import io.yizhan.issuer.IssuerServer;
import io.yizhan.issuer.TokenIssuer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Runs the platform on this machine. {@code ./yizhan up} calls {@link #main}; the end-to-end
 * tests drive the same class against their own broker and database.
 *
 * <p>Kafka and PostgreSQL are started here unless {@code KAFKA_BOOTSTRAP_SERVERS} or
 * {@code YIZHAN_DB_HOST} point at real ones. Each service runs as its own JVM with a capped heap,
 * its log under {@code .yizhan/logs/}.
 */
public final class Devstack implements AutoCloseable {

  /**
   * Metaspace, code cache and stack caps that, with a 192 MB heap, keep a service near 300 MB
   * resident. The code cache is 128 MB: with 64 MB visit-service filled it under load, flushed
   * compiled code and kept a C2 thread busy recompiling it. Metaspace is let grow to 128 MB before
   * it triggers a collection: a service loads 48-87 MB of classes while it starts, and from the
   * default threshold each one stopped two or three times for full collections of 0.1-0.6 s,
   * 14 in all (docs/benchmarks.md, session 26).
   */
  static final List<String> SERVICE_JVM_OPTIONS = List.of(
      "-Xms64m", "-XX:MetaspaceSize=128m", "-XX:MaxMetaspaceSize=160m", "-XX:ReservedCodeCacheSize=128m",
      "-Xss512k", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8");

  /**
   * Heaps other than the default (a 192m cap, starting at 64m), for the two services every
   * check-in passes through:
   * <ul>
   *   <li>visit-service holds batches of 10,000 visits while they are stored and sent, and spent
   *       34 s in 122 full collections during one benchmark with 192m. Started at 64 MB, its heap
   *       shrank after each full collection and grew again under the next poll of thousands of
   *       visits (81 full collections in four minutes of rebuilds): it starts at its cap.</li>
   *   <li>Both allocate for every request (the gateway ~65 KB, visit-service ~100 KB at 2,000
   *       check-ins/s). With the default young generation the gateway collected 7.6 times a second
   *       and visit-service twice; young generations of 192 and 384 MB make that 0.4 and 0.6 a
   *       second, and their pauses from 617 and 262 ms in 20 s to 30-100 ms (docs/benchmarks.md,
   *       session 17). Their old generations held under 30 and 60 MB.</li>
   *   <li>Under batches, 35-50 MB of visit-service's young objects were still live at each
   *       collection: two batches of 10,000 being stored and sent, and the consumers' fetched
   *       records. The default survivor spaces (38 MB, half of that the target) overflowed, so all
   *       of it was promoted and a million batched visits cost three or four full collections of
   *       0.3-0.4 s. Survivor spaces of 48 MB, filled to 80 %, keep it young until it dies
   *       (docs/benchmarks.md, session 27).</li>
   * </ul>
   */
  private static final Map<String, List<String>> DEFAULT_HEAPS = Map.of(
      "visit-service", List.of("-Xmx768m", "-Xms768m", "-Xmn384m", "-XX:SurvivorRatio=6", "-XX:TargetSurvivorRatio=80"),
      "gateway", List.of("-Xmx320m", "-Xms320m", "-Xmn192m"));

  /**
   * A service's heap: {@code -Xmx} from {@code YIZHAN_STATION_SERVICE_HEAP} (and so on per
   * service) if set, else from {@code YIZHAN_SERVICE_HEAP}, else the service's default (see
   * {@link #DEFAULT_HEAPS}). At national scale station-service's finder index wants 512m.
   */
  static List<String> heap(String service) {
    String own = System.getenv("YIZHAN_" + service.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_HEAP");
    if (own != null && !own.isBlank()) {
      return List.of("-Xmx" + own);
    }
    String common = System.getenv("YIZHAN_SERVICE_HEAP");
    if (common != null && !common.isBlank()) {
      return List.of("-Xmx" + common);
    }
    // After SERVICE_JVM_OPTIONS' -Xms64m: the last one counts.
    return DEFAULT_HEAPS.getOrDefault(service, List.of("-Xmx192m"));
  }

  /**
   * Netty event loops per service, for its HTTP server and clients and for its database
   * connections alike: {@code YIZHAN_NETTY_LOOPS} if set, else one. Reactor Netty's default is one
   * per core and at least four, so six JVMs on the devstack's machine woke some forty loop threads
   * for the same requests. One loop in the gateway and one in visit-service carry 2,000 check-ins a
   * second, each busy a quarter of a core or less, and spent about 4 and 6 points of a core less
   * than four did (docs/benchmarks.md, session 25): fewer threads handing each other the same
   * work. A service deployed on a machine of its own keeps Reactor Netty's default.
   */
  static int eventLoops(String configured) {
    if (configured == null || configured.isBlank()) {
      return 1;
    }
    int loops;
    try {
      loops = Integer.parseInt(configured.strip());
    } catch (NumberFormatException e) {
      loops = 0;
    }
    if (loops >= 1) {
      return loops;
    }
    throw new IllegalArgumentException("YIZHAN_NETTY_LOOPS must be a whole number of at least 1, not '" + configured
        + "'; leave it unset for one event loop per service.");
  }

  /**
   * A JVM option writing each collection and its pause to {@code file}, kept as {@code NAME-gc.log}
   * next to the process's log, 10 MB at most. The devstack's tail latencies have come from pauses
   * more than from code (docs/benchmarks.md, sessions 17 and 25); this shows which process paused,
   * when and for how long, without attaching a tool first. The JVM moves the file aside each time
   * it starts; five earlier files are kept, since with two a few restarts of a service by hand had
   * lost what its first run paused for (session 27).
   */
  static String gcLog(Path file) {
    // Quoted: -Xlog separates its fields with colons, which a path may hold.
    return "-Xlog:gc:file=\"" + file.toAbsolutePath() + "\":time,uptime,level,tags:filecount=5,filesize=10m";
  }

  private final Path root;
  private final Path home;
  private final List<ServiceSpec> specs;
  private final Map<String, String> infrastructure;
  private final Map<String, ManagedProcess> services = new LinkedHashMap<>();
  private volatile boolean stopping;
  private @Nullable ManagedProcess kafka;
  private @Nullable LocalPostgres postgres;
  private @Nullable IssuerServer issuer;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /**
   * @param root           the repository, where each service's runnable jar is built
   * @param home           where data, logs and the pid file go ({@code .yizhan/})
   * @param specs          the services and their ports
   * @param infrastructure where Kafka and PostgreSQL are, as the services' environment variables
   */
  public Devstack(Path root, Path home, List<ServiceSpec> specs, Map<String, String> infrastructure) {
    this.root = root;
    this.home = home;
    this.specs = List.copyOf(specs);
    this.infrastructure = Map.copyOf(infrastructure);
  }

  public static void main(String[] args) throws Exception {
    String command = args.length == 0 ? "up" : args[0];
    Path root = Path.of(System.getProperty("yizhan.root", ".")).toAbsolutePath().normalize();
    Path home = root.resolve(".yizhan");
    switch (command) {
      case "up" -> up(root, home, demoStations(args));
      case "status" -> System.exit(status(home) ? 0 : 1);
      default -> {
        System.err.println("usage: Devstack up|status");
        System.exit(2);
      }
    }
  }

  /** {@code up --demo [N]}: how many demo stations to load (0 without --demo). */
  static int demoStations(String[] args) {
    for (int i = 1; i < args.length; i++) {
      if ("--demo".equals(args[i])) {
        return i + 1 < args.length && args[i + 1].matches("\\d+") ? Integer.parseInt(args[i + 1]) : 1500;
      }
    }
    return 0;
  }

  private static void up(Path root, Path home, int demoStations) throws Exception {
    long started = System.nanoTime();
    Files.createDirectories(home.resolve("logs"));
    Map<String, String> env = System.getenv();
    Map<String, String> infrastructure = new HashMap<>();
    IssuerServer issuer = null;
    if (blank(env.get("YIZHAN_ISSUER_URI"))) {
      int port = Integer.parseInt(env.getOrDefault("YIZHAN_ISSUER_PORT", "9000"));
      // First, so a taken port stops nothing half-started. The key is kept, so tokens handed out
      // before a restart stay valid after it.
      try {
        issuer = IssuerServer.start(port, TokenIssuer.keyIn(home.resolve("issuer/signing-key.json")));
      } catch (java.net.BindException e) {
        System.err.println("Port " + port + " for the token issuer is taken: stop what uses it, or set YIZHAN_ISSUER_PORT.");
        System.exit(1);
      }
      io.yizhan.loadgen.Credentials.useTokenEndpoint(issuer.tokenUri());
      say("Tokens      issued by " + issuer.issuer() + " (demo clients " + String.join(", ", DemoClients.ids()) + ")");
      infrastructure.put("YIZHAN_ISSUER_URI", issuer.issuer().toString());
    }
    LocalPostgres postgres = null;
    ManagedProcess kafka = null;
    if (blank(env.get("YIZHAN_DB_HOST"))) {
      int port = Integer.parseInt(env.getOrDefault("YIZHAN_DB_PORT", "5433"));
      say("PostgreSQL  starting on port " + port + ", data in " + home.resolve("postgres"));
      postgres = LocalPostgres.start(home.resolve("postgres"), port, home.resolve("logs/postgres.log"));
      postgres.createDatabases(ServiceSpec.defaults().stream()
          .filter(s -> !s.isGateway()).map(ServiceSpec::database).toList());
      infrastructure.put("YIZHAN_DB_HOST", "localhost");
      infrastructure.put("YIZHAN_DB_PORT", String.valueOf(port));
    }
    if (blank(env.get("KAFKA_BOOTSTRAP_SERVERS"))) {
      KafkaBroker broker = new KafkaBroker(home.resolve("kafka"), 9092, 9093);
      say("Kafka       starting on " + broker.bootstrapServers() + ", data in " + home.resolve("kafka"));
      kafka = broker.start(home.resolve("logs"));
      waitForPort("Kafka", 9092, kafka, Duration.ofSeconds(60));
      infrastructure.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
    }
    Devstack devstack = new Devstack(root, home, ServiceSpec.defaults(), infrastructure);
    devstack.issuer = issuer;
    devstack.kafka = kafka;
    devstack.postgres = postgres;
    Runtime.getRuntime().addShutdownHook(new Thread(devstack::close, "devstack-shutdown"));
    Files.writeString(home.resolve("devstack.pid"), String.valueOf(ProcessHandle.current().pid()));
    try {
      devstack.startAll(Duration.ofSeconds(180));
    } catch (RuntimeException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
    devstack.writeProcessTable();
    say("");
    say("驿站 Yizhan is up in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s.");
    say("  Gateway (all APIs)   http://localhost:8080/api/...");
    for (ServiceSpec spec : devstack.specs) {
      say(String.format("  %-20s http://localhost:%d   (health /actuator/health, metrics /actuator/prometheus, API /v3/api-docs)",
          spec.name(), spec.port()));
    }
    say("  (metrics need an ops token: curl -H \"Authorization: Bearer $(./yizhan token ops)\" .../actuator/prometheus)");
    say("  Kafka                " + devstack.infrastructure.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "?"));
    say("  PostgreSQL           localhost:" + devstack.infrastructure.getOrDefault("YIZHAN_DB_PORT", "?")
        + " (user yizhan, one database per service)");
    say("  Logs                 " + home.resolve("logs"));
    say("  Tokens               " + (devstack.issuer != null
        ? devstack.issuer.tokenUri() + " (client credentials; ./yizhan token city-admin prints one)"
        : "from " + env.get("YIZHAN_ISSUER_URI")));
    if (demoStations > 0) {
      say("");
      say("Loading the demo city (" + demoStations + " stations in Xi'an) through the gateway...");
      io.yizhan.loadgen.Loadgen.loadDemo("http://localhost:8080", demoStations, 8, false);
      say("Backfilling 90 days of demo visits (about 1.2 million) through the district-feed endpoint...");
      try {
        io.yizhan.loadgen.Loadgen.demoVisits("http://localhost:8080", 90);
      } catch (Exception e) {
        // The platform itself is fine: say so, and how to finish the demo data, rather than stop it.
        say("Demo visits stopped early: " + e.getMessage());
        say("The platform keeps running. Finish them with ./yizhan loadgen demo-visits (already sent visits are skipped).");
      }
      try {
        io.yizhan.loadgen.Loadgen.demoUpkeep("http://localhost:8080");
      } catch (Exception e) {
        say("The demo's managers did not start: " + e.getMessage());
        say("The platform keeps running. Start them with ./yizhan loadgen demo-upkeep.");
      }
    }
    say("Stop with Ctrl-C here, or ./yizhan down from another terminal.");
    devstack.superviseUntilStopped();
  }

  /** Starts every service, the gateway last, and waits until all report ready. */
  public void startAll(Duration timeout) throws IOException, InterruptedException {
    for (ServiceSpec spec : specs) {
      if (!spec.isGateway()) {
        start(spec, Map.of());
      }
    }
    for (ServiceSpec spec : specs) {
      if (spec.isGateway()) {
        start(spec, Map.of());
      }
    }
    awaitReady(specs, timeout);
  }

  /** Starts one service with extra environment (e.g. a switched-off outbox relay for a failure test). */
  public void start(ServiceSpec spec, Map<String, String> extraEnvironment) throws IOException {
    Path jar = runnableJar(spec.name());
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(SERVICE_JVM_OPTIONS);
    command.addAll(heap(spec.name()));
    command.add("-Dreactor.netty.ioWorkerCount=" + eventLoops(System.getenv("YIZHAN_NETTY_LOOPS")));
    command.add(gcLog(home.resolve("logs").resolve(spec.name() + "-gc.log")));
    command.addAll(List.of("-jar", jar.toString()));
    Map<String, String> environment = new HashMap<>(infrastructure);
    environment.put("PORT", String.valueOf(spec.port()));
    if (spec.isGateway()) {
      for (ServiceSpec other : specs) {
        String key = switch (other.name()) {
          case "station-service" -> "YIZHAN_STATION_URL";
          case "visit-service" -> "YIZHAN_VISIT_URL";
          case "assessment-service" -> "YIZHAN_ASSESSMENT_URL";
          case "notification-service" -> "YIZHAN_NOTIFICATION_URL";
          default -> null;
        };
        if (key != null) {
          environment.put(key, other.baseUrl());
        }
      }
      // No ingress here: let the load generator pose as many phones (X-Forwarded-For) so the
      // public rate limit sees them as the city would. Set it to false to try the limit itself.
      if (System.getenv("YIZHAN_TRUST_FORWARDED_FOR") == null) {
        environment.put("YIZHAN_TRUST_FORWARDED_FOR", "true");
      }
    } else {
      environment.put("YIZHAN_DB_NAME", spec.database());
    }
    environment.putAll(extraEnvironment);
    say(String.format("%-20s starting on port %d", spec.name(), spec.port()));
    services.put(spec.name(), ManagedProcess.start(spec.name(), command, environment,
        home.resolve("logs").resolve(spec.name() + ".log")));
  }

  /** Stops one service as a crash would: SIGKILL, no shutdown hooks. */
  public void kill(String name) {
    Optional.ofNullable(services.remove(name)).ifPresent(ManagedProcess::kill);
  }

  public Optional<ManagedProcess> process(String name) {
    return Optional.ofNullable(services.get(name));
  }

  /** Waits until each service answers UP on its readiness probe; fails fast if one exits. */
  public void awaitReady(List<ServiceSpec> waitFor, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<ServiceSpec> pending = new ArrayList<>(waitFor);
    while (!pending.isEmpty()) {
      for (ServiceSpec spec : List.copyOf(pending)) {
        ManagedProcess process = services.get(spec.name());
        if (process == null || !process.isAlive()) {
          throw new IllegalStateException(spec.name() + " exited while starting. Its log ends:\n"
              + (process == null ? "" : process.logTail(40)));
        }
        if (isReady(spec)) {
          say(String.format("%-20s ready", spec.name()));
          pending.remove(spec);
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Not ready after " + timeout.toSeconds() + " s: "
            + pending.stream().map(ServiceSpec::name).collect(Collectors.joining(", "))
            + ". See their logs in " + home.resolve("logs"));
      }
      if (!pending.isEmpty()) {
        Thread.sleep(500);
      }
    }
  }

  boolean isReady(ServiceSpec spec) {
    try {
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(URI.create(spec.baseUrl() + "/actuator/health/readiness"))
              .timeout(Duration.ofSeconds(3)).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void superviseUntilStopped() throws InterruptedException {
    Map<String, Boolean> reported = new HashMap<>();
    while (!stopping) {
      for (ManagedProcess process : List.copyOf(services.values())) {
        if (!process.isAlive() && reported.putIfAbsent(process.name(), true) == null) {
          System.err.println(process.name() + " has stopped. Its log ends:\n" + process.logTail(20));
        }
      }
      Thread.sleep(2000);
    }
  }

  private void writeProcessTable() throws IOException {
    StringBuilder table = new StringBuilder();
    if (kafka != null) {
      table.append("kafka ").append(kafka.pid()).append(" 9092\n");
    }
    for (ServiceSpec spec : specs) {
      ManagedProcess process = services.get(spec.name());
      if (process != null) {
        table.append(spec.name()).append(' ').append(process.pid()).append(' ').append(spec.port()).append('\n');
      }
    }
    Files.writeString(home.resolve("processes"), table.toString());
  }

  /**
   * Prints what runs, with each process's resident memory; true when everything listed is alive
   * and ready.
   */
  static boolean status(Path home) throws IOException {
    Path pidFile = home.resolve("devstack.pid");
    Path table = home.resolve("processes");
    if (!Files.exists(pidFile) || !Files.exists(table)) {
      say("Yizhan is not running (no " + pidFile + "). Start it with ./yizhan up");
      return false;
    }
    long launcher = Long.parseLong(Files.readString(pidFile).strip());
    boolean allUp = ProcessHandle.of(launcher).map(ProcessHandle::isAlive).orElse(false);
    say(String.format("%-20s %-8s %-8s %s", "process", "pid", "RSS", "state"));
    say(String.format("%-20s %-8s %-8s %s", "devstack", launcher, rss(launcher), allUp ? "running" : "not running"));
    long total = residentKiB(launcher);
    Devstack probe = new Devstack(home.getParent(), home, List.of(), Map.of());
    for (String line : Files.readAllLines(table)) {
      String[] parts = line.split(" ");
      long pid = Long.parseLong(parts[1]);
      int port = Integer.parseInt(parts[2]);
      boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
      String state = !alive ? "not running"
          : parts[0].equals("kafka") ? "running on :" + port
          : probe.isReady(new ServiceSpec(parts[0], port, "")) ? "ready on :" + port : "not ready, on :" + port;
      allUp &= alive;
      total += residentKiB(pid);
      say(String.format("%-20s %-8s %-8s %s", parts[0], pid, rss(pid), state));
    }
    Path postmaster = home.resolve("postgres").resolve("postmaster.pid");
    if (Files.exists(postmaster)) {
      long pid = Long.parseLong(Files.readAllLines(postmaster).get(0).strip());
      // PostgreSQL is a server process and its backends, all mapping the same shared buffers.
      // Summed resident sizes count those once per backend (2.6 GB after a demo backfill and
      // benchmarks); proportional sizes share each page among the processes mapping it (333 MB).
      long postgresKiB = proportionalKiB(pid) + ProcessHandle.of(pid).stream()
          .flatMap(ProcessHandle::children).mapToLong(child -> proportionalKiB(child.pid())).sum();
      total += postgresKiB;
      say(String.format("%-20s %-8s %-8s %s", "postgres", pid, postgresKiB / 1024 + " MB",
          "running (proportional size: shared buffers counted once)"));
    }
    say(String.format("%-20s %-8s %-8s", "total", "", total / 1024 + " MB"));
    return allUp;
  }

  private static String rss(long pid) {
    long kib = residentKiB(pid);
    return kib == 0 ? "-" : kib / 1024 + " MB";
  }

  /** Resident set size from /proc (Linux); 0 where it cannot be read. */
  static long residentKiB(long pid) {
    return procKiB(pid, "status", "VmRSS:").orElse(0L);
  }

  /**
   * Proportional set size from /proc (Linux): resident memory with each shared page divided among
   * the processes mapping it, so that the sizes of a server's processes add up. Resident size
   * where the kernel does not report it (before Linux 4.14); 0 where neither can be read.
   */
  static long proportionalKiB(long pid) {
    return procKiB(pid, "smaps_rollup", "Pss:").orElseGet(() -> residentKiB(pid));
  }

  /** The kB figure on the line of {@code /proc/PID/FILE} that starts with {@code key}. */
  private static Optional<Long> procKiB(long pid, String file, String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), file))) {
        if (line.startsWith(key)) {
          return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, an older kernel, or the process is gone
    }
    return Optional.empty();
  }

  /** Stops the gateway first, then the services, then Kafka, then PostgreSQL. */
  @Override
  public synchronized void close() {
    stopping = true;
    List<ManagedProcess> running = new ArrayList<>(services.values());
    java.util.Collections.reverse(running);
    running.parallelStream().forEach(process -> process.stop(30));
    services.clear();
    if (issuer != null) {
      issuer.close();
      issuer = null;
    }
    if (kafka != null) {
      kafka.stop(60);
      kafka = null;
    }
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
      }
      postgres = null;
    }
    try {
      Files.deleteIfExists(home.resolve("devstack.pid"));
      Files.deleteIfExists(home.resolve("processes"));
    } catch (IOException ignored) {
      // nothing left to stop; a stale file only makes status say "not running"
    }
  }

  private Path runnableJar(String module) {
    Path target = root.resolve(module).resolve("target");
    try (var files = Files.list(target)) {
      return files.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException(
              "No runnable jar in " + target + ": build first with ./mvnw -DskipTests package"));
    } catch (IOException e) {
      throw new IllegalStateException("No " + target + ": build first with ./mvnw -DskipTests package", e);
    }
  }

  private static void waitForPort(String what, int port, ManagedProcess process, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(what + " exited while starting. Its log ends:\n" + process.logTail(40));
      }
      try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException(what + " did not open port " + port + " within " + timeout.toSeconds() + " s");
  }

  static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }

  private static void say(String line) {
    System.out.println(line);
  }
}
