package io.yizhan.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

/**
 * A PostgreSQL server whose data stays under a folder, so stopping and starting the devstack
 * loses nothing. zonky's binaries need nothing installed and run even as root.
 */
final class LocalPostgres implements AutoCloseable {

  static final String USER = "yizhan";
  static final String PASSWORD = "yizhan";

  private final EmbeddedPostgres server;

  private LocalPostgres(EmbeddedPostgres server) {
    this.server = server;
  }

  static LocalPostgres start(Path data, int port, Path log) throws IOException {
    Files.createDirectories(data);
    Files.createDirectories(log.getParent());
    EmbeddedPostgres server = EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setServerConfig("max_connections", "200")
        // zonky starts PostgreSQL for throwaway test databases: fsync off (-F), commits acknowledged
        // before their WAL is on disk. The devstack keeps data, and an accepted check-in must
        // survive a crash, so both go back to PostgreSQL's safe defaults.
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        // Bulk visits write WAL fast: fewer checkpoints mean fewer full-page images in it.
        .setServerConfig("shared_buffers", "256MB")
        .setServerConfig("max_wal_size", "4GB")
        .setServerConfig("checkpoint_timeout", "15min")
        .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    return new LocalPostgres(server);
  }

  int port() {
    return server.getPort();
  }

  /** Creates the services' login and each service's own database, where missing. */
  void createDatabases(Collection<String> databases) throws SQLException {
    try (Connection admin = DriverManager.getConnection(server.getJdbcUrl("postgres", "postgres"));
        Statement sql = admin.createStatement()) {
      try (ResultSet role = sql.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + USER + "'")) {
        if (!role.next()) {
          sql.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
        }
      }
      for (String database : databases) {
        boolean exists;
        try (ResultSet found = sql.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
          exists = found.next();
        }
        if (!exists) {
          sql.execute("CREATE DATABASE \"" + database + "\" OWNER " + USER);
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
