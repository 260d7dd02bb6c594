package io.yizhan.issuer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The codes of the authorization-code grant with PKCE (RFC 6749 §4.1, RFC 7636), for a browser
 * page such as the utilization dashboard: a public client, so the code is bound to the page's
 * one-time {@code code_challenge} (S256 only) instead of a secret. A code is good once, for two
 * minutes, and only with the client and redirect URI it was issued to.
 */
public final class AuthorizationCodes {

  /** The dashboards' client: public, no secret. */
  public static final String DASHBOARD_CLIENT = "yizhan-dashboard";
  static final Duration LIFETIME = Duration.ofMinutes(2);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Issued> codes = new ConcurrentHashMap<>();
  private final Clock clock;

  public AuthorizationCodes(Clock clock) {
    this.clock = clock;
  }

  private record Issued(Grant grant, String clientId, String redirectUri, String challenge, Instant expires) {}

  /**
   * A page may sign in here when it is the dashboards' client and comes back to this machine: the
   * demo issuer serves the devstack only (a production identity provider registers exact URIs).
   */
  public static Optional<String> whyNotAllowed(String clientId, String redirectUri) {
    if (!DASHBOARD_CLIENT.equals(clientId)) {
      return Optional.of("未知的客户端 client_id=" + clientId + "（演示签发方只认 " + DASHBOARD_CLIENT + "）");
    }
    try {
      URI uri = URI.create(redirectUri);
      String host = uri.getHost();
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
          || host == null || !(host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"))
          || uri.getFragment() != null) {
        return Optional.of("回跳地址 redirect_uri 必须是本机的 http(s) 地址且不带 #：" + redirectUri);
      }
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of("回跳地址 redirect_uri 不是合法的地址：" + redirectUri);
    }
  }

  /** A new code for this signed-in user, to hand to the page by its redirect URI. */
  public String issue(Grant grant, String clientId, String redirectUri, String challenge) {
    Instant now = clock.instant();
    codes.values().removeIf(issued -> issued.expires().isBefore(now));
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    codes.put(code, new Issued(grant, clientId, redirectUri, challenge, now.plus(LIFETIME)));
    return code;
  }

  /** The grant behind a code, once: the code is gone whether or not the rest matches. */
  public Grant redeem(String code, String clientId, String redirectUri, String verifier) throws RefusedException {
    Issued issued = codes.remove(code == null ? "" : code);
    if (issued == null || issued.expires().isBefore(clock.instant())) {
      throw new RefusedException("the code is unknown, used or expired: sign in again");
    }
    if (!issued.clientId().equals(clientId) || !issued.redirectUri().equals(redirectUri)) {
      throw new RefusedException("the code was issued to another client or redirect_uri");
    }
    if (verifier == null || !MessageDigest.isEqual(
        s256(verifier).getBytes(StandardCharsets.US_ASCII), issued.challenge().getBytes(StandardCharsets.US_ASCII))) {
      throw new RefusedException("code_verifier does not match the code_challenge");
    }
    return issued.grant();
  }

  /** RFC 7636 §4.2: BASE64URL(SHA-256(ASCII(verifier))), unpadded. */
  public static String s256(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** A code that does not redeem: always RFC 6749's {@code invalid_grant}, the message says why. */
  public static final class RefusedException extends Exception {
    RefusedException(String why) {
      super(why, null, false, false);
    }
  }
}
