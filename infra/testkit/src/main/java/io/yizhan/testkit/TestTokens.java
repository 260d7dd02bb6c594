package io.yizhan.testkit;

import io.yizhan.issuer.Grant;
import io.yizhan.issuer.IssuerServer;
import io.yizhan.issuer.TokenIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Tokens for tests, from one real issuer per test JVM (the devstack's, on a free port): services
 * under test fetch its key set over HTTP and check signatures, issuer and audience as in
 * production.
 */
public final class TestTokens {

  private static @Nullable IssuerServer issuer;

  public static synchronized IssuerServer issuer() {
    if (issuer == null) {
      try {
        issuer = IssuerServer.start(0, TokenIssuer.newKey());
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the test token issuer", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(issuer::close, "test-issuer-stop"));
    }
    return issuer;
  }

  /** An {@code Authorization} header value for this grant. */
  public static String bearer(Grant grant) {
    return "Bearer " + issuer().tokens().issue(grant);
  }

  public static String cityAdmin() {
    return bearer(Grant.cityAdmin());
  }

  public static String districtAdmin(String district) {
    return bearer(Grant.districtAdmin(district));
  }

  public static String districtSystem(String district) {
    return bearer(Grant.districtSystem(district));
  }

  public static String stationManager(String... stations) {
    return bearer(Grant.stationManager(List.of(stations)));
  }

  /** Operations: reads metrics and what is behind the health probes. */
  public static String ops() {
    return bearer(Grant.ops());
  }

  private TestTokens() {}
}
