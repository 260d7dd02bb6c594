package io.yizhan.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, for the pages the services serve: loads a page, lets its scripts
 * run and fetch, and answers the DOM they left. {@code .ci/run} installs it; elsewhere, tests that
 * need it are skipped with a note saying how to get it ({@code CHROMIUM} names another binary).
 */
final class HeadlessChromium {

  private static final List<String> CANDIDATES =
      List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");

  private HeadlessChromium() {}

  /**
   * Chromium headless with a fresh profile in {@code work}, then {@code more}. The flags keep it
   * off the network it cannot reach here (updates, sync, Google's hosts).
   */
  static List<String> command(Path chromium, Path work, String... more) {
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + work.resolve("profile")));
    command.addAll(List.of(more));
    return command;
  }

  static Optional<Path> find() {
    return Stream.concat(Optional.ofNullable(System.getenv("CHROMIUM")).stream(), CANDIDATES.stream())
        .map(Path::of).filter(Files::isExecutable).findFirst();
  }

  /**
   * The page's DOM once its scripts have had {@code budget} of virtual time; virtual time stands
   * still while fetches are pending, so a slow service does not cut the page short.
   */
  static String dumpDom(Path chromium, String url, Duration budget) throws IOException, InterruptedException {
    Path work = Files.createTempDirectory("yizhan-chromium");
    Path out = work.resolve("dom.html");
    Path log = work.resolve("chromium.log");
    try {
      Process process = new ProcessBuilder(command(chromium, work,
          "--virtual-time-budget=" + budget.toMillis(), "--dump-dom", url))
          .redirectOutput(out.toFile())
          .redirectError(log.toFile())
          .start();
      if (!process.waitFor(budget.toSeconds() + 60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("Chromium did not finish loading " + url);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException("Chromium failed (exit " + process.exitValue() + ") loading " + url + ":\n"
            + Files.readString(log, StandardCharsets.UTF_8));
      }
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      // A profile is several megabytes: one per run would pile up in /tmp.
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }
}
