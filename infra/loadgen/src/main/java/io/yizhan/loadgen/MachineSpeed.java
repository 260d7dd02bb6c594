package io.yizhan.loadgen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * How fast this machine is today, with nothing of the platform involved, so that a slow day can
 * be told apart before the check-ins are blamed or credited for it. Two figures:
 *
 * <ul>
 *   <li>how late a thread that sleeps for a millisecond is woken, on the idle machine and beside
 *       busy threads: a single check-in waits for a handful of such wake-ups on its way (the
 *       generator, the gateway, visit-service, PostgreSQL's commit, the way back);
 *   <li>how much one thread sorts each second: a host that gives this machine fewer cycles
 *       wakes its threads on time but gets less done, and a check-in is also so much work.
 * </ul>
 */
final class MachineSpeed {

  private static final long SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  /** A watch writes down only the wake-ups later than this: a few in a hundred on a quiet machine. */
  static final long WATCH_THRESHOLD_MICROS = 1_000;
  private static final String WATCHING = "# watching";
  private static final long SEED = 20261205L;

  private MachineSpeed() {}

  /** Lateness of 1 ms sleeps, in microseconds, over {@code seconds} beside {@code busyThreads} spinning ones. */
  static Histogram lateness(int seconds, int busyThreads) {
    AtomicBoolean running = new AtomicBoolean(true);
    List<Thread> busy = new ArrayList<>();
    for (int i = 0; i < busyThreads; i++) {
      // A volatile read each turn: the loop cannot be optimised away, and it keeps a core busy.
      Thread spinner = new Thread(() -> {
        while (running.get()) {
          Thread.onSpinWait();
        }
      }, "busy-" + i);
      spinner.setDaemon(true);
      spinner.start();
      busy.add(spinner);
    }
    Histogram late = new Histogram(TimeUnit.SECONDS.toMicros(10), 3);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    try {
      while (System.nanoTime() < end) {
        long asleep = System.nanoTime();
        LockSupport.parkNanos(SLEEP_NANOS);
        long lateNanos = System.nanoTime() - asleep - SLEEP_NANOS;
        late.recordValue(Math.max(0, Math.min(late.getHighestTrackableValue(), lateNanos / 1_000)));
      }
    } finally {
      running.set(false);
      busy.forEach(t -> {
        try {
          t.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
    return late;
  }

  static void measure(int seconds, int busyThreads) {
    lateness(2, 0);   // warm-up: the JIT, and the first page faults, are not the machine
    print("idle", lateness(seconds, 0));
    print(busyThreads + " busy thread(s)", lateness(seconds, busyThreads));
    sortsPerSecond(2);
    double[] perSecond = sortsPerSecond(seconds);
    Arrays.sort(perSecond);
    System.out.printf("one thread's speed, sorts of 100,000 integers in each of %d seconds: median %.0f, slowest %.0f,"
        + " fastest %.0f%n", perSecond.length, perSecond[perSecond.length / 2], perSecond[0], perSecond[perSecond.length - 1]);
  }

  /**
   * How much one thread gets done, second by second: sleeps may wake on time on a day when the
   * host gives this machine fewer cycles, and a check-in is also so much work. The work is
   * sorting 100,000 random integers, branches and memory like a service's, not a job that one
   * instruction of the processor does (hashing, on this machine, is).
   */
  static double[] sortsPerSecond(int seconds) {
    Random random = new Random(SEED);
    int[] original = random.ints(100_000).toArray();
    int[] work = new int[original.length];
    double[] perSecond = new double[seconds];
    for (int s = 0; s < seconds; s++) {
      long start = System.nanoTime();
      long end = start + TimeUnit.SECONDS.toNanos(1);
      int sorts = 0;
      while (System.nanoTime() < end) {
        System.arraycopy(original, 0, work, 0, original.length);
        Arrays.sort(work);
        sorts++;
      }
      perSecond[s] = sorts / ((System.nanoTime() - start) / 1e9);
    }
    return perSecond;
  }

  /**
   * Sleeps for a millisecond over and over for {@code seconds}, and writes each wake-up later than
   * {@link #WATCH_THRESHOLD_MICROS} as a line "epoch-millis late-micros", between a first line
   * "# watching" and a last saying what it watched ("# watched SLEEPS sleeps from EPOCH-MILLIS to
   * EPOCH-MILLIS"). Run in a process of its
   * own beside a benchmark ({@link Watch}), it tells a stall of the whole machine (this process
   * too was woken late: the host, the kernel, every core taken) from one of the platform's own
   * (this process woken on time while check-ins waited). It allocates nothing per sleep, so no
   * collection of its own pauses it.
   */
  static void watch(int seconds, PrintStream out) {
    long from = System.currentTimeMillis();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    out.println(WATCHING);
    out.flush();
    long sleeps = 0;
    while (System.nanoTime() < end) {
      sleeps++;
      long asleep = System.nanoTime();
      LockSupport.parkNanos(SLEEP_NANOS);
      long lateMicros = (System.nanoTime() - asleep - SLEEP_NANOS) / 1_000;
      if (lateMicros > WATCH_THRESHOLD_MICROS) {
        out.println(System.currentTimeMillis() + " " + lateMicros);
      }
    }
    out.println("# watched " + sleeps + " sleeps from " + from + " to " + System.currentTimeMillis());
    out.flush();
  }

  /**
   * The slowest wake-up of each second of a window, in microseconds, from a watch's lines; a
   * second with none written down is at most {@link #WATCH_THRESHOLD_MICROS} late.
   */
  static long[] slowestEachSecond(List<String> watchLines, long fromEpochMillis, int seconds) {
    long[] slowest = new long[seconds];
    for (String line : watchLines) {
      String[] parts = line.trim().split(" ");
      if (line.startsWith("#") || parts.length != 2) {
        continue;
      }
      long second = Math.floorDiv(Long.parseLong(parts[0]) - fromEpochMillis, 1_000L);
      if (second >= 0 && second < seconds) {
        slowest[(int) second] = Math.max(slowest[(int) second], Long.parseLong(parts[1]));
      }
    }
    return slowest;
  }

  /**
   * A watch ({@link #watch}) in a JVM of its own, started before a benchmark and read after it. A
   * thread of the benchmark's own JVM would stop for its collections and so see them as the
   * machine's.
   */
  static final class Watch implements AutoCloseable {
    private final Process process;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    /** Counted down once the watch says it is watching, or when it ends without saying so. */
    private final CountDownLatch started = new CountDownLatch(1);
    private final Thread reader;

    private Watch(Process process) {
      this.process = process;
      // Its lines as it writes them: it writes only wake-ups over a millisecond late, so this thread
      // wakes rarely, and the pipe holds them while the benchmark's JVM is collecting.
      this.reader = new Thread(() -> {
        try (BufferedReader out = process.inputReader(StandardCharsets.UTF_8)) {
          for (String line = out.readLine(); line != null; line = out.readLine()) {
            lines.add(line);
            if (line.equals(WATCHING)) {
              started.countDown();
            }
          }
        } catch (IOException ended) {
          // The process was destroyed: what it wrote before is kept.
        } finally {
          started.countDown();
        }
      }, "machine-watch-reader");
      reader.setDaemon(true);
      reader.start();
    }

    /** Starts a watch of {@code seconds} and returns once it is watching (its JVM takes a while). */
    static Watch start(int seconds) throws IOException, InterruptedException {
      String java = ProcessHandle.current().info().command().orElse("java");
      Watch watch = new Watch(new ProcessBuilder(java, "-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
          "-cp", System.getProperty("java.class.path"), Loadgen.class.getName(), "machine", "--watch",
          "--seconds", String.valueOf(seconds))
          .redirectError(ProcessBuilder.Redirect.INHERIT).start());
      if (!watch.started.await(30, TimeUnit.SECONDS) || !watch.written().contains(WATCHING)) {
        watch.close();
        throw new IllegalStateException("the machine watch did not start");
      }
      return watch;
    }

    /**
     * Waits for the watch to end, then the slowest wake-up of each second of the window; fails
     * when the watch did not cover the window (it did not start, or not in time), since an empty
     * second would read as a machine woken on time.
     */
    long[] slowestEachSecond(long fromEpochMillis, int seconds) throws InterruptedException {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroy();
      }
      reader.join(TimeUnit.SECONDS.toMillis(5));
      List<String> written = written();
      String watched = written.isEmpty() ? "" : written.get(written.size() - 1);
      String[] span = watched.split(" ");
      if (!watched.startsWith("# watched ") || span.length != 8 || Long.parseLong(span[5]) > fromEpochMillis
          || Long.parseLong(span[7]) < fromEpochMillis + TimeUnit.SECONDS.toMillis(seconds)) {
        throw new IllegalStateException("the machine watch did not cover the window: "
            + (watched.isEmpty() ? "it wrote nothing" : watched));
      }
      return MachineSpeed.slowestEachSecond(written, fromEpochMillis, seconds);
    }

    private List<String> written() {
      synchronized (lines) {
        return List.copyOf(lines);
      }
    }

    @Override
    public void close() {
      process.destroy();
    }
  }

  private static void print(String beside, Histogram late) {
    System.out.printf("1 ms sleeps woken late, %s (%d sleeps): p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  max %.2f ms;"
            + " later than 5 ms: %.3f %%%n", beside, late.getTotalCount(), late.getValueAtPercentile(50) / 1000.0,
        late.getValueAtPercentile(99) / 1000.0, late.getValueAtPercentile(99.9) / 1000.0, late.getMaxValue() / 1000.0,
        100.0 * (late.getTotalCount() - late.getCountBetweenValues(0, 5_000)) / Math.max(1, late.getTotalCount()));
  }
}
