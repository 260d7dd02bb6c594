package io.yizhan.loadgen;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Requests at a fixed rate over keep-alive HTTP/1.1 connections: wrk2's model, on one thread with
 * non-blocking sockets. The load generator shares the two-core machine with
 * the platform it measures, so it must cost little: Java's HttpClient cost a third of the
 * machine's CPU per check-in, and a blocking thread per connection about 17 % of a core at
 * 2,000/s, much of it in waking those threads. A request that finds every connection busy
 * waits in a queue, and its latency counts from when it was due, so a slow server is not hidden
 * by the driver waiting for it (no coordinated omission). Requests go out in ticks of at most a
 * millisecond (the selector's resolution), and that wait counts too.
 *
 * <p>The connections are a fixed number (wrk2's), or a pool that opens another connection when
 * every one is busy, up to a ceiling, and reuses the most recently freed first. The second is how
 * phones reach the platform: each brings its own connection, and a proxy before the gateway (an
 * ingress, nginx's upstream keep-alive) opens a new one rather than keep a phone waiting for
 * another's answer. A fixed number instead turns a short slowdown of the server into a queue in
 * the generator: at 2,000/s and 64 connections, answers of 32 ms occupy them all. The time to open
 * a connection counts in the latency like any other wait.
 *
 * <p>Only as much HTTP as the platform's answers need: a status line, headers, a body of
 * {@code Content-Length} or chunks.
 */
final class KeepAliveLoad {

  /**
   * What a run measured, after its warm-up: all latencies (from when each request was due), the
   * part of each from its write to its whole answer read (without the wait for a free connection
   * and for the generator's turn to send), and the slowest of each second (by when requests were
   * due, from {@code measuredFromEpochMillis} on), which tells a tail spread over the run from one
   * stall in it.
   */
  record Result(Histogram latencies, Histogram sentToAnswered, long[] slowestEachSecond, long measuredFromEpochMillis,
      long errors, int mostWaiting, int connectionsOpened) {}

  /** One request: its body and any extra header lines (each ending CRLF). */
  record Request(String headers, byte[] body) {}

  /** How long to wait for the last answers once every request has gone out. */
  private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(120);

  /** From the call to the first request due: time to open the first connections. */
  static final long START_DELAY_MILLIS = 200;

  private KeepAliveLoad() {}

  /**
   * {@code connections} opened first; up to {@code maxConnections} in all, opened when every one is
   * busy (equal: a fixed number, the free ones taken in turn, as wrk2 does).
   */
  static Result run(URI target, int connections, int maxConnections, int perSecond, int warmupSeconds, int seconds,
      int okStatus, Supplier<Request> next) throws IOException {
    if (maxConnections < connections) {
      throw new IllegalArgumentException("at most " + maxConnections + " connections, fewer than the "
          + connections + " to open first");
    }
    boolean grows = maxConnections > connections;
    Histogram latencies = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    Histogram sentToAnswered = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    long[] slowestEachSecond = new long[seconds];
    long errors = 0;
    int mostWaiting = 0;
    int opened = connections;
    InetSocketAddress address = new InetSocketAddress(target.getHost(), target.getPort() == -1 ? 80 : target.getPort());
    String head = "POST " + target.getRawPath() + " HTTP/1.1\r\nHost: " + target.getHost() + ":" + address.getPort()
        + "\r\n";
    long measuredFromEpochMillis;
    try (Selector selector = Selector.open()) {
      ArrayDeque<Connection> idle = new ArrayDeque<>();
      for (int c = 0; c < connections; c++) {
        idle.add(new Connection(address, selector));
      }
      ArrayDeque<Long> due = new ArrayDeque<>();
      long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_DELAY_MILLIS);
      long warmupEnds = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
      measuredFromEpochMillis = System.currentTimeMillis()
          + TimeUnit.NANOSECONDS.toMillis(warmupEnds - System.nanoTime());
      long total = (long) perSecond * (warmupSeconds + seconds);
      double interval = TimeUnit.SECONDS.toNanos(1) / (double) perSecond;
      long scheduled = 0;
      int inFlight = 0;
      long lastDue = start + (long) ((total - 1) * interval);
      while (scheduled < total || !due.isEmpty() || inFlight > 0) {
        long now = System.nanoTime();
        if (now - lastDue > DRAIN_NANOS) {
          errors += inFlight + due.size();
          break;
        }
        for (long when; scheduled < total && (when = start + (long) (scheduled * interval)) <= now; scheduled++) {
          due.add(when);
        }
        mostWaiting = Math.max(mostWaiting, due.size());
        while (!due.isEmpty() && (!idle.isEmpty() || opened < maxConnections)) {
          Connection connection;
          if (idle.isEmpty()) {
            connection = new Connection(address, selector);
            opened++;
          } else {
            // A growing pool keeps reusing the same few warm connections and opens more only for
            // a burst; a fixed one spreads requests over all of its own, as wrk2 does.
            connection = grows ? idle.pollLast() : idle.poll();
          }
          if (connection.send(due.poll(), head, next.get())) {
            inFlight++;
          } else {
            errors++;
            idle.add(connection);
          }
        }
        long untilNext = scheduled < total ? start + (long) (scheduled * interval) - System.nanoTime() : 0;
        long waitMillis = scheduled < total ? Math.max(1, TimeUnit.NANOSECONDS.toMillis(untilNext)) : 100;
        if (untilNext > 0 || scheduled >= total || (idle.isEmpty() && opened >= maxConnections)) {
          selector.select(waitMillis);
        } else {
          selector.selectNow();
        }
        for (var keys = selector.selectedKeys().iterator(); keys.hasNext(); ) {
          SelectionKey key = keys.next();
          keys.remove();
          Connection connection = (Connection) key.attachment();
          int status = connection.onReady();
          if (status == Connection.NOT_YET) {
            continue;
          }
          inFlight--;
          long when = connection.dueAt();
          if (when >= warmupEnds) {
            if (status == okStatus) {
              long answeredAt = System.nanoTime();
              long micros = TimeUnit.NANOSECONDS.toMicros(answeredAt - when);
              latencies.recordValue(Math.min(micros, latencies.getHighestTrackableValue()));
              sentToAnswered.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(answeredAt - connection.sentAt()),
                  sentToAnswered.getHighestTrackableValue()));
              int second = (int) Math.min(seconds - 1, (when - warmupEnds) / TimeUnit.SECONDS.toNanos(1));
              slowestEachSecond[second] = Math.max(slowestEachSecond[second], micros);
            } else {
              errors++;
            }
          }
          idle.add(connection);
        }
      }
      for (Connection connection : idle) {
        connection.close();
      }
      for (SelectionKey key : selector.keys()) {
        ((Connection) key.attachment()).close();
      }
    }
    return new Result(latencies, sentToAnswered, slowestEachSecond, measuredFromEpochMillis, errors, mostWaiting,
        opened);
  }

  /**
   * One keep-alive connection and the exchange on it, opened again whenever the server closes it
   * or an exchange fails.
   */
  private static final class Connection {

    static final int NOT_YET = 0;
    static final int FAILED = -1;

    private final InetSocketAddress address;
    private final Selector selector;
    private SocketChannel channel;
    private SelectionKey key;
    private ByteBuffer out = ByteBuffer.allocate(0);
    private ByteBuffer in = ByteBuffer.allocate(16 * 1024);
    private long dueAt;
    private long sentAt;

    Connection(InetSocketAddress address, Selector selector) {
      this.address = address;
      this.selector = selector;
    }

    long dueAt() {
      return dueAt;
    }

    long sentAt() {
      return sentAt;
    }

    /** Starts an exchange; false when no connection could be made. */
    boolean send(long due, String head, Request request) {
      dueAt = due;
      byte[] headBytes = (head + request.headers() + "Content-Length: " + request.body().length + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII);
      // One write, so one TCP segment: with TCP_NODELAY, head and body written apart go as two,
      // and each costs the server a wake-up and a read of its own.
      out = ByteBuffer.allocate(headBytes.length + request.body().length).put(headBytes).put(request.body()).flip();
      in.clear();
      try {
        if (channel == null) {
          open();
        }
        sentAt = System.nanoTime();
        channel.write(out);
        key.interestOps(out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        return true;
      } catch (IOException e) {
        close();
        return false;
      }
    }

    /** The answer's status once it is whole, NOT_YET before, FAILED when the exchange failed. */
    int onReady() {
      try {
        if (key.isWritable() && out.hasRemaining()) {
          channel.write(out);
          if (!out.hasRemaining()) {
            key.interestOps(SelectionKey.OP_READ);
          }
        }
        if (!key.isReadable()) {
          return NOT_YET;
        }
        if (!in.hasRemaining()) {
          in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
        }
        if (channel.read(in) == -1) {
          throw new IOException("connection closed mid-answer");
        }
        Answer answer = Answer.parse(in.array(), in.position());
        if (answer == null) {
          return NOT_YET;
        }
        key.interestOps(0);
        if (answer.closes()) {
          close();
        }
        return answer.status();
      } catch (IOException | RuntimeException e) {
        close();
        return FAILED;
      }
    }

    private void open() throws IOException {
      channel = SocketChannel.open();
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      channel.socket().connect(address, 5_000);
      channel.configureBlocking(false);
      key = channel.register(selector, 0, this);
    }

    void close() {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // closing a broken connection: nothing to tell
        }
        channel = null;
        key = null;
      }
    }
  }

  /** A whole HTTP/1.1 answer: its status, and whether the server closes the connection after it. */
  record Answer(int status, boolean closes) {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] BLANK_LINE = {'\r', '\n', '\r', '\n'};

    /** The answer in the first {@code length} bytes, or null while it is not whole yet. */
    static Answer parse(byte[] bytes, int length) throws IOException {
      int headEnd = indexOf(bytes, 0, length, BLANK_LINE);
      if (headEnd < 0) {
        return null;
      }
      String[] lines = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
      if (!lines[0].startsWith("HTTP/1.1 ") || lines[0].length() < 12) {
        throw new IOException("not an HTTP/1.1 status line: " + lines[0]);
      }
      int status = Integer.parseInt(lines[0].substring(9, 12));
      long contentLength = 0;
      boolean chunked = false;
      boolean closes = false;
      for (int i = 1; i < lines.length; i++) {
        String lower = lines[i].toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          contentLength = Long.parseLong(lower.substring(15).trim());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        } else if (lower.startsWith("connection:") && lower.contains("close")) {
          closes = true;
        }
      }
      int bodyStart = headEnd + 4;
      if (!chunked) {
        return length - bodyStart >= contentLength ? new Answer(status, closes) : null;
      }
      for (int at = bodyStart; ; ) {
        int sizeEnd = indexOf(bytes, at, length, CRLF);
        if (sizeEnd < 0) {
          return null;
        }
        long size = Long.parseLong(new String(bytes, at, sizeEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
        if (size == 0) {
          // Trailers, if any, end with an empty line like the head.
          return indexOf(bytes, sizeEnd, length, BLANK_LINE) >= 0 ? new Answer(status, closes) : null;
        }
        at = sizeEnd + 2 + (int) size + 2;
        if (at > length) {
          return null;
        }
      }
    }

    private static int indexOf(byte[] bytes, int from, int length, byte[] target) {
      outer:
      for (int i = from; i <= length - target.length; i++) {
        for (int j = 0; j < target.length; j++) {
          if (bytes[i + j] != target[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }
}
