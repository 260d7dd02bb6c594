package io.yizhan.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The Kafka broker and PostgreSQL server of this test JVM, started on first use and stopped when
 * the JVM exits.
 *
 * <p>Where they come from, in order of preference:
 * <ol>
 *   <li>the environment: {@code KAFKA_BOOTSTRAP_SERVERS}, and {@code YIZHAN_TEST_JDBC_URL} (a
 *       server's admin database, e.g. {@code jdbc:postgresql://db:5432/postgres}) with
 *       {@code YIZHAN_TEST_DB_USER} and {@code YIZHAN_TEST_DB_PASSWORD};
 *   <li>Testcontainers, with {@code -Dtestkit=containers} and a Docker engine;
 *   <li>otherwise in-process: a KRaft broker from spring-kafka-test and zonky's embedded
 *       PostgreSQL, which need nothing installed.
 * </ol>
 */
public final class Infrastructure {

  private static final String CONTAINERS = "containers";

  private static @Nullable String kafkaBootstrapServers;
  private static @Nullable AdminServer postgres;

  /** The bootstrap servers of this JVM's broker. */
  public static synchronized String kafkaBootstrapServers() {
    if (kafkaBootstrapServers == null) {
      kafkaBootstrapServers = startKafka();
    }
    return kafkaBootstrapServers;
  }

  /** A new, empty database on this JVM's PostgreSQL server. */
  public static Database newDatabase(String hint) {
    AdminServer server = postgres();
    String name = (hint.replaceAll("[^A-Za-z0-9]", "_") + "_" + UUID.randomUUID().toString().substring(0, 8))
        .toLowerCase(Locale.ROOT);
    if (name.length() > 60) {
      name = name.substring(name.length() - 60).replaceFirst("^[^a-z]+", "t");
    }
    try (Connection admin = DriverManager.getConnection(server.adminJdbcUrl(), server.username(), server.password());
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE \"" + name + "\"");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create test database " + name, e);
    }
    return new Database(server.host(), server.port(), name, server.username(), server.password());
  }

  private static synchronized AdminServer postgres() {
    if (postgres == null) {
      postgres = startPostgres();
    }
    return postgres;
  }

  private static String startKafka() {
    String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
    if (external != null && !external.isBlank()) {
      return external;
    }
    if (CONTAINERS.equals(System.getProperty("testkit"))) {
      KafkaContainer kafka = new KafkaContainer("apache/kafka-native:4.1.0");
      kafka.start();
      Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop));
      return kafka.getBootstrapServers();
    }
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 12);
    broker.brokerProperties(Map.of(
        "auto.create.topics.enable", "true",
        "num.partitions", "12",
        "group.initial.rebalance.delay.ms", "0",
        "transaction.state.log.replication.factor", "1",
        "transaction.state.log.min.isr", "1"));
    broker.afterPropertiesSet();
    Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
    return broker.getBrokersAsString();
  }

  private static AdminServer startPostgres() {
    String external = System.getenv("YIZHAN_TEST_JDBC_URL");
    if (external != null && !external.isBlank()) {
      URI uri = URI.create(external.substring("jdbc:".length()));
      return new AdminServer(
          uri.getHost(),
          uri.getPort() < 0 ? 5432 : uri.getPort(),
          external,
          envOr("YIZHAN_TEST_DB_USER", "postgres"),
          envOr("YIZHAN_TEST_DB_PASSWORD", "postgres"));
    }
    if (CONTAINERS.equals(System.getProperty("testkit"))) {
      PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
      container.start();
      Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
      return new AdminServer(
          container.getHost(),
          container.getFirstMappedPort(),
          container.getJdbcUrl(),
          container.getUsername(),
          container.getPassword());
    }
    try {
      EmbeddedPostgres embedded = EmbeddedPostgres.builder()
          .setServerConfig("max_connections", "300")
          .setServerConfig("fsync", "off")
          .start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          embedded.close();
        } catch (Exception ignored) {
          // the JVM is going away; the data directory is temporary
        }
      }));
      return new AdminServer(
          "localhost", embedded.getPort(), embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Could not start embedded PostgreSQL", e);
    }
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private record AdminServer(String host, int port, String adminJdbcUrl, String username, String password) {}

  private Infrastructure() {}
}
