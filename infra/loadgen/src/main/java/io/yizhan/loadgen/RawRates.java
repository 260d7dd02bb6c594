package io.yizhan.loadgen;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The machine's ceilings for visit ingestion, measured beside the platform (same run, same
 * cores): how fast one producer can put visit-sized records on Kafka with the platform's
 * producer settings, and how fast PostgreSQL takes visit rows in multi-row inserts. The platform
 * cannot beat either; the ratio says how much its own work costs.
 */
public final class RawRates {

  /** A visit.recorded event is about this big. */
  private static final int RECORD_BYTES = 480;

  public static void measure(String bootstrap, String jdbcUrl, String user, String password, int count) throws Exception {
    kafka(bootstrap, count);
    postgres(jdbcUrl, user, password, count);
  }

  static void kafka(String bootstrap, int count) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    byte[] value = "x".repeat(RECORD_BYTES).getBytes(StandardCharsets.UTF_8);
    String topic = "loadgen.raw.v1";
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
      for (int warm = 0; warm < 20_000; warm++) {
        producer.send(new ProducerRecord<>(topic, Integer.toString(warm % 1000), value));
      }
      producer.flush();
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        producer.send(new ProducerRecord<>(topic, Integer.toString(i % 1000), value));
      }
      producer.flush();
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("raw Kafka producer (acks=all, idempotent, %d-byte records): %d in %.1f s = %.0f records/s%n",
          RECORD_BYTES, count, seconds, count / seconds);
    }
  }

  static void postgres(String jdbcUrl, String user, String password, int count) throws Exception {
    try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
      try (Statement ddl = db.createStatement()) {
        ddl.execute("DROP TABLE IF EXISTS loadgen_raw_visits");
        // The shape of visit-service's visits table, without its index or its outbox beside it.
        ddl.execute("""
            CREATE TABLE loadgen_raw_visits (id TEXT PRIMARY KEY, station_id UUID NOT NULL,
              visited_at TIMESTAMPTZ NOT NULL, worker_type TEXT NOT NULL, services TEXT[] NOT NULL,
              channel TEXT NOT NULL, worker_token TEXT, station_open BOOLEAN)""");
      }
      db.setAutoCommit(false);
      int rowsPerStatement = 1_000;
      StringBuilder sql = new StringBuilder("INSERT INTO loadgen_raw_visits VALUES ");
      for (int i = 0; i < rowsPerStatement; i++) {
        sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?)");
      }
      UUID station = UUID.randomUUID();
      java.sql.Array services = db.createArrayOf("text", new String[] {"WATER", "REST"});
      java.sql.Timestamp at = java.sql.Timestamp.from(Instant.now());
      long start = System.nanoTime();
      try (PreparedStatement insert = db.prepareStatement(sql.toString())) {
        for (int done = 0; done < count; done += rowsPerStatement) {
          int k = 1;
          for (int i = 0; i < rowsPerStatement; i++) {
            insert.setString(k++, "raw-" + (done + i));
            insert.setObject(k++, station);
            insert.setTimestamp(k++, at);
            insert.setString(k++, "COURIER");
            insert.setArray(k++, services);
            insert.setString(k++, "DISTRICT_FEED");
            insert.setString(k++, null);
            insert.setBoolean(k++, true);
          }
          insert.executeUpdate();
          if ((done / rowsPerStatement) % 10 == 9) {
            db.commit();
          }
        }
        db.commit();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("raw PostgreSQL insert (1,000-row statements, commit every 10,000): %d in %.1f s = %.0f rows/s%n",
          count, seconds, count / seconds);
      try (Statement ddl = db.createStatement()) {
        ddl.execute("DROP TABLE loadgen_raw_visits");
      }
      db.commit();
    }
    TimeUnit.MILLISECONDS.sleep(1);
  }

  private RawRates() {}
}
