package io.yizhan.devstack;

import java.util.List;

/**
 * One service of the platform as the devstack runs it.
 *
 * @param name     also its Maven module and, for services with data, its database's name
 * @param port     its HTTP port
 * @param database the database it owns, or null for the gateway
 */
public record ServiceSpec(String name, int port, String database) {

  /** The platform's services with their default ports; the gateway comes last. */
  public static List<ServiceSpec> defaults() {
    return List.of(
        new ServiceSpec("station-service", 8081, "station"),
        new ServiceSpec("visit-service", 8082, "visit"),
        new ServiceSpec("assessment-service", 8083, "assessment"),
        new ServiceSpec("notification-service", 8084, "notification"),
        new ServiceSpec("gateway", 8080, ""));
  }

  public boolean isGateway() {
    return database.isEmpty();
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public ServiceSpec onPort(int newPort) {
    return new ServiceSpec(name, newPort, database);
  }

  public ServiceSpec withDatabase(String newDatabase) {
    return new ServiceSpec(name, port, newDatabase);
  }
}
