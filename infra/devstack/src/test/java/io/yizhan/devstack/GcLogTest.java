package io.yizhan.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcLogTest {

  @Test
  void a_jvm_started_with_the_option_writes_its_collections_to_the_file_even_under_a_path_with_spaces(
      @TempDir Path dir) throws Exception {
    Path file = dir.resolve("logs with spaces").resolve("kafka-gc.log");
    Files.createDirectories(file.getParent());

    runJava(dir, file, "-XX:+UseParallelGC");

    assertThat(Files.readString(file)).contains("[info][gc] Using Parallel");
  }

  @Test
  void a_restarted_jvm_keeps_the_log_of_the_run_before(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("visit-service-gc.log");

    runJava(dir, file, "-XX:+UseParallelGC");
    runJava(dir, file, "-XX:+UseSerialGC");

    assertThat(Files.readString(file)).contains("[info][gc] Using Serial");
    assertThat(Files.readString(dir.resolve("visit-service-gc.log.0"))).contains("[info][gc] Using Parallel");
  }

  private static void runJava(Path dir, Path gcLog, String collector) throws Exception {
    Process java = new ProcessBuilder(Devstack.javaExecutable(), Devstack.gcLog(gcLog), collector, "-version")
        .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
    assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(java.exitValue()).as(Files.readString(dir.resolve("out.txt"))).isZero();
  }
}
