package io.yizhan.issuer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The devstack's demo users, one per role, as client-credentials clients: {@code city-admin},
 * {@code district-admin}, {@code regional-head}, {@code station-manager}, {@code district-system}
 * and {@code ops}, all with the same secret.
 */
public final class DemoClients {

  /** The demo clients' secret; the devstack's issuer listens on localhost only. */
  public static final String SECRET = "yizhan-demo";
  /** The district the demo district admin and district system act for unless asked otherwise. */
  public static final String DEMO_DISTRICT = "莲湖区";

  private static final Map<String, Grant> GRANTS = new LinkedHashMap<>();

  static {
    GRANTS.put("city-admin", Grant.cityAdmin());
    GRANTS.put("district-admin", Grant.districtAdmin(DEMO_DISTRICT));
    GRANTS.put("regional-head", Grant.regionalHead(List.of()));
    GRANTS.put("station-manager", Grant.stationManager(List.of()));
    GRANTS.put("district-system", Grant.districtSystem(DEMO_DISTRICT));
    GRANTS.put("ops", Grant.ops());
  }

  public static List<String> ids() {
    return List.copyOf(GRANTS.keySet());
  }

  /** What this demo client is granted, whatever it proves. */
  public static Optional<Grant> grant(String clientId) {
    return Optional.ofNullable(GRANTS.get(clientId));
  }

  /** The grant of this client if the secret is right. */
  public static Optional<Grant> authenticate(String clientId, String secret) {
    return SECRET.equals(secret) ? grant(clientId) : Optional.empty();
  }

  private DemoClients() {}
}
