package io.yizhan.loadgen;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Requests at a fixed rate over a fixed number of keep-alive HTTP/1.1 connections, each a plain
 * socket: wrk2's model. Java's HttpClient cost a third of the machine's CPU per check-in here,
 * and in an open loop opened a new connection for every request still waiting, which the gateway
 * then paid for too; on a two-core machine shared with the platform the driver must be cheap. A
 * request that finds every connection busy waits in a queue, and its latency counts from when it
 * was due, so a slow server is not hidden by the driver waiting for it (no coordinated omission).
 *
 * <p>Only as much HTTP as the platform's answers need: a status line, headers, a body of
 * {@code Content-Length} or chunks.
 */
final class KeepAliveLoad {

  /**
   * What a run measured, after its warm-up: all latencies, and the slowest of each second (by
   * when requests were due), which tells a tail spread over the run from one stall in it.
   */
  record Result(Histogram latencies, long[] slowestEachSecond, long errors, int mostWaiting) {}

  /** One request: its body and any extra header lines (each ending CRLF). */
  record Request(String headers, byte[] body) {}

  private static final long STOP = Long.MIN_VALUE;

  private KeepAliveLoad() {}

  static Result run(URI target, int connections, int perSecond, int warmupSeconds, int seconds, int okStatus,
      Supplier<Request> next) throws InterruptedException {
    Histogram latencies = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
    AtomicLongArray slowestEachSecond = new AtomicLongArray(seconds);
    AtomicLong errors = new AtomicLong();
    BlockingQueue<Long> due = new LinkedBlockingQueue<>();
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
    long warmupEnds = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
    List<Thread> workers = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      Thread worker = new Thread(() -> {
        Connection connection = new Connection(target);
        try {
          for (long when = due.take(); when != STOP; when = due.take()) {
            int status = connection.send(next.get());
            if (when >= warmupEnds) {
              if (status == okStatus) {
                long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - when);
                latencies.recordValue(micros);
                int second = (int) Math.min(seconds - 1, (when - warmupEnds) / TimeUnit.SECONDS.toNanos(1));
                slowestEachSecond.accumulateAndGet(second, micros, Math::max);
              } else {
                errors.incrementAndGet();
              }
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          connection.close();
        }
      }, "load-" + c);
      worker.start();
      workers.add(worker);
    }
    AtomicInteger mostWaiting = new AtomicInteger();
    long total = (long) perSecond * (warmupSeconds + seconds);
    double interval = TimeUnit.SECONDS.toNanos(1) / (double) perSecond;
    for (long i = 0; i < total; i++) {
      long when = start + (long) (i * interval);
      long wait = when - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      due.add(when);
      mostWaiting.accumulateAndGet(due.size(), Math::max);
    }
    for (int c = 0; c < connections; c++) {
      due.add(STOP);
    }
    for (Thread worker : workers) {
      worker.join(TimeUnit.SECONDS.toMillis(120));
    }
    long[] slowest = new long[seconds];
    Arrays.setAll(slowest, slowestEachSecond::get);
    return new Result(latencies, slowest, errors.get(), mostWaiting.get());
  }

  /** One keep-alive connection, opened again whenever the server closes it or an exchange fails. */
  private static final class Connection {

    private final URI target;
    private final String host;
    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    Connection(URI target) {
      this.target = target;
      this.host = target.getHost();
      this.port = target.getPort() == -1 ? 80 : target.getPort();
    }

    /** The answer's status, or -1 when the exchange failed (counted as an error by the caller). */
    int send(Request request) {
      try {
        if (socket == null) {
          socket = new Socket();
          socket.setTcpNoDelay(true);
          socket.setSoTimeout(30_000);
          socket.connect(new InetSocketAddress(host, port), 5_000);
          out = socket.getOutputStream();
          in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }
        String head = "POST " + target.getRawPath() + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n"
            + request.headers() + "Content-Length: " + request.body().length + "\r\n\r\n";
        // One write, so one TCP segment: with TCP_NODELAY, head and body written apart went as two,
        // and each cost the server a wake-up and a read of its own.
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] whole = Arrays.copyOf(headBytes, headBytes.length + request.body().length);
        System.arraycopy(request.body(), 0, whole, headBytes.length, request.body().length);
        out.write(whole);
        return readResponse();
      } catch (IOException | RuntimeException e) {
        close();
        return -1;
      }
    }

    private int readResponse() throws IOException {
      String status = line();
      if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
        throw new IOException("not an HTTP/1.1 status line: " + status);
      }
      int code = Integer.parseInt(status.substring(9, 12));
      long length = 0;
      boolean chunked = false;
      boolean closes = false;
      for (String header = line(); !header.isEmpty(); header = line()) {
        String lower = header.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Long.parseLong(lower.substring(15).trim());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        } else if (lower.startsWith("connection:") && lower.contains("close")) {
          closes = true;
        }
      }
      if (chunked) {
        for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
            size = Long.parseLong(line().split(";")[0].trim(), 16)) {
          skip(size);
          line();
        }
        while (!line().isEmpty()) {
          // trailers
        }
      } else {
        skip(length);
      }
      if (closes) {
        close();
      }
      return code;
    }

    private String line() throws IOException {
      StringBuilder line = new StringBuilder();
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b == -1) {
          throw new IOException("connection closed mid-answer");
        }
        if (b != '\r') {
          line.append((char) b);
        }
      }
      return line.toString();
    }

    private void skip(long bytes) throws IOException {
      for (long left = bytes; left > 0; ) {
        long skipped = in.skip(left);
        if (skipped <= 0) {
          if (in.read() == -1) {
            throw new IOException("connection closed mid-body");
          }
          skipped = 1;
        }
        left -= skipped;
      }
    }

    void close() {
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // closing a broken connection: nothing to tell
        }
        socket = null;
      }
    }
  }
}
