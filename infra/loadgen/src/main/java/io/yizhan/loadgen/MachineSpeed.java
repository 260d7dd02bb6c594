package io.yizhan.loadgen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
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

  private static void print(String beside, Histogram late) {
    System.out.printf("1 ms sleeps woken late, %s (%d sleeps): p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  max %.2f ms;"
            + " later than 5 ms: %.3f %%%n", beside, late.getTotalCount(), late.getValueAtPercentile(50) / 1000.0,
        late.getValueAtPercentile(99) / 1000.0, late.getValueAtPercentile(99.9) / 1000.0, late.getMaxValue() / 1000.0,
        100.0 * (late.getTotalCount() - late.getCountBetweenValues(0, 5_000)) / Math.max(1, late.getTotalCount()));
  }
}
