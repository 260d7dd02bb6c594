package io.yizhan.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One KRaft Kafka broker (broker and controller in one process) with its data under a folder, so
 * a restart keeps every topic and offset. Runs as its own JVM from the devstack's classpath.
 */
final class KafkaBroker {

  private final Path home;
  private final int port;
  private final int controllerPort;

  KafkaBroker(Path home, int port, int controllerPort) {
    this.home = home;
    this.port = port;
    this.controllerPort = controllerPort;
  }

  String bootstrapServers() {
    return "localhost:" + port;
  }

  ManagedProcess start(Path logs) throws IOException, InterruptedException {
    Path data = home.resolve("data");
    Path config = writeConfig(data);
    if (!Files.exists(data.resolve("meta.properties"))) {
      format(config, logs);
    }
    // Only the broker logs its collections: check-ins wait on its pauses, not on the format tool's.
    List<String> command =
        java(List.of(Devstack.gcLog(logs.resolve("kafka-gc.log"))), "kafka.Kafka", config.toString());
    return ManagedProcess.start("kafka", command, Map.of(), logs.resolve("kafka.log"));
  }

  private Path writeConfig(Path data) throws IOException {
    Files.createDirectories(data);
    Path config = home.resolve("server.properties");
    Files.writeString(config, String.join("\n",
        "# Written by the devstack at every start: one node that is broker and controller.",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.voters=1@localhost:" + controllerPort,
        "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
        "advertised.listeners=PLAINTEXT://localhost:" + port,
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=PLAINTEXT",
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "log.dirs=" + data.toAbsolutePath(),
        "num.partitions=12",
        "auto.create.topics.enable=true",
        "offsets.topic.replication.factor=1",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "group.initial.rebalance.delay.ms=0",
        // The log cleaner's dedupe map is one array on the heap, 128 MB by default: two thirds of
        // everything the broker kept live, so its old generation filled and a full collection
        // held every check-in for 257 ms (docs/benchmarks.md, session 26). The only compacted
        // topics here are Kafka's own (consumer offsets: a few hundred keys); 16 MB holds
        // 600,000 keys a pass.
        "log.cleaner.dedupe.buffer.size=16777216",
        ""));
    Files.writeString(home.resolve("logback.xml"), """
        <configuration>
          <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
            <encoder><pattern>%d{ISO8601} %-5level [%logger{0}] %msg%n</pattern></encoder>
          </appender>
          <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
          <root level="WARN"><appender-ref ref="STDOUT"/></root>
        </configuration>
        """);
    return config;
  }

  private void format(Path config, Path logs) throws IOException, InterruptedException {
    ManagedProcess format = ManagedProcess.start("kafka-format",
        java(List.of(), "kafka.tools.StorageTool", "format", "-t", UUID.randomUUID().toString(),
            "-c", config.toString()),
        Map.of(), logs.resolve("kafka-format.log"));
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (format.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    if (format.isAlive() || !Files.exists(home.resolve("data").resolve("meta.properties"))) {
      format.kill();
      throw new IllegalStateException("Could not format Kafka's storage:\n" + format.logTail(20));
    }
  }

  private List<String> java(List<String> extraJvmOptions, String mainClass, String... args) {
    List<String> command = new ArrayList<>(List.of(
        Devstack.javaExecutable(),
        // The parallel collector, not the serial one: every check-in waits for the broker's
        // acknowledgement, so its pauses stall them all. With the serial collector a young
        // collection took 12 ms on a fresh broker and 29 ms after 80 minutes (its old generation
        // fuller), one every six seconds at 2,000 check-ins/s; the parallel one, using both cores,
        // took 4-9 ms, and a quarter of the pause time in all (docs/benchmarks.md, session 25).
        // The heap is fixed, with a small young generation: started at 128 MB the collector shrank
        // it to 115 MB, its old generation filled every five minutes at 2,000 check-ins/s and a
        // full collection held them all for 114-257 ms; a young generation of 128 MB paused
        // 12-28 ms a time instead of 5-10. With 480 MB of old generation and 56 MB live, that many
        // check-ins take an hour to fill it (session 26).
        "-Xms512m", "-Xmx512m", "-Xmn32m", "-XX:+UseParallelGC"));
    command.addAll(extraJvmOptions);
    command.addAll(List.of(
        "-Dlogback.configurationFile=" + home.resolve("logback.xml").toAbsolutePath(),
        "-cp", System.getProperty("java.class.path"),
        mainClass));
    command.addAll(List.of(args));
    return command;
  }
}
