package io.yizhan.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One headless Chromium tab driven over the DevTools protocol, for what a person does on a page:
 * click, fill a form, follow redirects to another site and back. {@link HeadlessChromium#dumpDom}
 * only loads a page; a sign-in needs the same tab (its sessionStorage) from start to end.
 */
final class BrowserSession implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Process process;
  private final Path work;
  private final WebSocket socket;
  private final Map<Integer, CompletableFuture<JsonNode>> answers;
  private final AtomicInteger ids = new AtomicInteger();
  private final String session;

  private BrowserSession(Process process, Path work, WebSocket socket, Map<Integer, CompletableFuture<JsonNode>> answers,
      String url) throws Exception {
    this.process = process;
    this.work = work;
    this.socket = socket;
    this.answers = answers;
    String target = call("Target.createTarget", Map.of("url", url), null).path("targetId").asString();
    this.session = call("Target.attachToTarget", Map.of("targetId", target, "flatten", true), null)
        .path("sessionId").asString();
  }

  /** Chromium with a fresh profile, one tab open at {@code url}. */
  static BrowserSession open(Path chromium, String url) throws Exception {
    Path work = Files.createTempDirectory("yizhan-browser");
    Process process = new ProcessBuilder(HeadlessChromium.command(chromium, work, "--remote-debugging-port=0",
        "about:blank"))
        .redirectErrorStream(true)
        .start();
    String endpoint = null;
    BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (endpoint == null && System.nanoTime() < deadline) {
      String line = output.readLine();
      if (line == null) {
        break;
      }
      Matcher listening = LISTENING.matcher(line);
      if (listening.find()) {
        endpoint = listening.group(1);
      }
    }
    if (endpoint == null) {
      process.destroyForcibly();
      throw new IllegalStateException("Chromium did not open its DevTools endpoint");
    }
    // Keep reading what it prints, or it blocks once the pipe is full.
    Thread drain = new Thread(() -> output.lines().forEach(line -> { }), "chromium-output");
    drain.setDaemon(true);
    drain.start();
    Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
    WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create(endpoint), new Answers(answers)).get(10, TimeUnit.SECONDS);
    return new BrowserSession(process, work, socket, answers, url);
  }

  /** Runs {@code script} in the page (a promise is awaited) and answers its value as text. */
  String evaluate(String script) throws Exception {
    JsonNode result = call("Runtime.evaluate",
        Map.of("expression", script, "awaitPromise", true, "returnByValue", true), session);
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException("the page's script failed: " + result.path("exceptionDetails"));
    }
    JsonNode value = result.path("result").path("value");
    return value.isString() ? value.asString() : value.toString();
  }

  /**
   * Asks {@code script} until it answers something other than "" or false: the page may be
   * navigating (its context gone for a moment) or still fetching.
   */
  String await(String script, Duration timeout) {
    return Awaitility.await("the page to answer " + script).atMost(timeout).pollInterval(Duration.ofMillis(200))
        .ignoreException(IllegalStateException.class)
        .until(() -> evaluate(script), answer -> !answer.isEmpty() && !"false".equals(answer) && !"null".equals(answer));
  }

  private JsonNode call(String method, Map<String, Object> params, String sessionId) throws Exception {
    int id = ids.incrementAndGet();
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("id", id);
    message.put("method", method);
    message.put("params", params);
    if (sessionId != null) {
      message.put("sessionId", sessionId);
    }
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    answers.put(id, answer);
    socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
    JsonNode reply = answer.get(30, TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new IllegalStateException(method + " failed: " + reply.path("error"));
    }
    return reply.path("result");
  }

  @Override
  public void close() throws IOException {
    socket.abort();
    // Chromium's helpers (renderer, GPU, network service) can outlive it for a moment and still
    // write into the profile: the walk below once met a file gone between listing and reading.
    List<ProcessHandle> helpers = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      for (ProcessHandle helper : helpers) {
        helper.destroy();
        helper.onExit().get(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      helpers.forEach(ProcessHandle::destroyForcibly);
    }
    try {
      delete(work);
    } catch (UncheckedIOException | NoSuchFileException vanished) {
      // A file went away while listing, so something was still writing: once more, now it is done.
      delete(work);
    }
  }

  private static void delete(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  /** Hands each answer to whoever waits on its id; events (no id) are not needed here. */
  private static final class Answers implements WebSocket.Listener {
    private final Map<Integer, CompletableFuture<JsonNode>> answers;
    private final StringBuilder partial = new StringBuilder();

    Answers(Map<Integer, CompletableFuture<JsonNode>> answers) {
      this.answers = answers;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        JsonNode message = JSON.readTree(partial.toString());
        partial.setLength(0);
        if (message.has("id")) {
          CompletableFuture<JsonNode> waiting = answers.remove(message.path("id").asInt());
          if (waiting != null) {
            waiting.complete(message);
          }
        }
      }
      socket.request(1);
      return null;
    }
  }
}
