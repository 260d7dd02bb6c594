package io.yizhan.loadgen;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tokens for what the load generator does as staff: listing the demo city, uploading planning
 * data, feeding visits, starting rebuilds, all as the city union (its batches mix every
 * district's stations, which a district's system may not send); reading the services' metrics
 * as operations. Asked once per client from the devstack's issuer by the client-credentials grant ({@code YIZHAN_TOKEN_URL} and
 * {@code YIZHAN_CLIENT_SECRET} point it at another issuer), and kept: a token lasts 8 hours.
 * Check-ins and finder queries are sent as workers' phones send them, with no token.
 */
public final class Credentials {

  /** The city union: lists stations, uploads planning data, feeds visits of every district, starts rebuilds. */
  public static final String CITY_ADMIN = "city-admin";
  /** A district's system: feeds visits of its own district's stations in bulk. */
  public static final String DISTRICT_SYSTEM = "district-system";
  /** Operations: reads the services' metrics, which the benchmarks time and count by. */
  public static final String OPS = "ops";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Map<String, String> tokens = new ConcurrentHashMap<>();
  private static volatile @Nullable URI tokenEndpoint;

  /** Where to ask, when the caller knows (the devstack, which started the issuer); else the environment's. */
  public static void useTokenEndpoint(URI endpoint) {
    tokenEndpoint = endpoint;
    tokens.clear();
  }

  /** The {@code Authorization} header value for this client. */
  public static String bearer(String client) {
    URI endpoint = tokenEndpoint;
    return tokens.computeIfAbsent(client, c -> "Bearer " + fetch(endpoint != null ? endpoint : URI.create(tokenUrl()), c, secret()));
  }

  /** Drops the kept token of this client (it expired): the next {@link #bearer} asks for a new one. */
  public static void forget(String client) {
    tokens.remove(client);
  }

  static String tokenUrl() {
    String url = System.getenv("YIZHAN_TOKEN_URL");
    if (url != null && !url.isBlank()) {
      return url;
    }
    String port = System.getenv("YIZHAN_ISSUER_PORT");
    return "http://localhost:" + (port == null || port.isBlank() ? "9000" : port.strip()) + "/oauth2/token";
  }

  private static String secret() {
    String secret = System.getenv("YIZHAN_CLIENT_SECRET");
    return secret == null || secret.isBlank() ? "yizhan-demo" : secret;
  }

  /** One client-credentials grant (RFC 6749 §4.4), the client authenticated by HTTP Basic. */
  static String fetch(URI tokenEndpoint, String client, String secret) {
    String basic = URLEncoder.encode(client, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
        .build();
    try {
      HttpResponse<String> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
          .send(request, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("取令牌失败 the token endpoint " + tokenEndpoint + " refused " + client + ": "
            + answer.statusCode() + " " + answer.body());
      }
      JsonNode token = JSON.readTree(answer.body()).path("access_token");
      if (!token.isString()) {
        throw new IllegalStateException("the token endpoint's answer has no access_token: " + answer.body());
      }
      return token.asString();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("取令牌失败 the token endpoint " + tokenEndpoint + " did not answer (is the platform "
          + "up? ./yizhan up starts its issuer): " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking for a token", e);
    }
  }

  private Credentials() {}
}
