package io.yizhan.testkit;

/** A database a test may use, with the URLs Spring's R2DBC and Flyway settings take. */
public record Database(String host, int port, String name, String username, String password) {

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + name;
  }

  public String r2dbcUrl() {
    return "r2dbc:postgresql://" + host + ":" + port + "/" + name;
  }
}
