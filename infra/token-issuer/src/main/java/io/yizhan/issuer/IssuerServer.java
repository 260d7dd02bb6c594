package io.yizhan.issuer;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * The issuer over HTTP on localhost: OpenID discovery ({@code /.well-known/openid-configuration}),
 * the key set ({@code /oauth2/jwks}) and the token endpoint ({@code /oauth2/token}, grant
 * {@code client_credentials}, the client authenticated by HTTP Basic or by form fields).
 *
 * <p>A demo client may ask for another district ({@code district=新城区}) or for stations
 * ({@code stations=id1,id2}) so the demo can act as any district's admin or any station's manager.
 * A real identity provider takes those from its user directory instead.
 */
public final class IssuerServer implements AutoCloseable {

  private static final int MAX_FORM_BYTES = 16 * 1024;

  private final HttpServer server;
  private final TokenIssuer tokens;

  private IssuerServer(HttpServer server, TokenIssuer tokens) {
    this.server = server;
    this.tokens = tokens;
  }

  /** Listens on localhost at this port (0: any free one) and signs with this key. */
  public static IssuerServer start(int port, RSAKey key) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    URI issuer = URI.create("http://localhost:" + server.getAddress().getPort());
    IssuerServer issuerServer = new IssuerServer(server, new TokenIssuer(issuer, key, Clock.systemUTC()));
    server.createContext("/.well-known/openid-configuration", issuerServer::discovery);
    server.createContext("/oauth2/jwks", issuerServer::jwks);
    server.createContext("/oauth2/token", issuerServer::token);
    server.setExecutor(Executors.newFixedThreadPool(2, r -> {
      Thread thread = new Thread(r, "token-issuer");
      thread.setDaemon(true);
      return thread;
    }));
    server.start();
    return issuerServer;
  }

  public TokenIssuer tokens() {
    return tokens;
  }

  public URI issuer() {
    return tokens.issuer();
  }

  public URI jwkSetUri() {
    return issuer().resolve("/oauth2/jwks");
  }

  public URI tokenUri() {
    return issuer().resolve("/oauth2/token");
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void discovery(HttpExchange exchange) throws IOException {
    if (!"GET".equals(exchange.getRequestMethod())) {
      answer(exchange, 405, Map.of("error", "invalid_request", "error_description", "use GET"));
      return;
    }
    Map<String, Object> configuration = new LinkedHashMap<>();
    configuration.put("issuer", issuer().toString());
    configuration.put("jwks_uri", jwkSetUri().toString());
    configuration.put("token_endpoint", tokenUri().toString());
    configuration.put("grant_types_supported", List.of("client_credentials"));
    configuration.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
    configuration.put("id_token_signing_alg_values_supported", List.of("RS256"));
    answer(exchange, 200, configuration);
  }

  private void jwks(HttpExchange exchange) throws IOException {
    byte[] body = tokens.jwkSetJson().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private void token(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      answer(exchange, 405, error("invalid_request", "POST the form grant_type=client_credentials"));
      return;
    }
    Map<String, String> form;
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_FORM_BYTES + 1);
      if (bytes.length > MAX_FORM_BYTES) {
        answer(exchange, 413, error("invalid_request", "the form is over 16 KB"));
        return;
      }
      form = form(new String(bytes, StandardCharsets.UTF_8));
    }
    if (!"client_credentials".equals(form.get("grant_type"))) {
      answer(exchange, 400, error("unsupported_grant_type", "only grant_type=client_credentials is served here"));
      return;
    }
    Optional<Grant> grant = credentials(exchange, form).flatMap(c -> DemoClients.authenticate(c[0], c[1]));
    if (grant.isEmpty()) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"yizhan\"");
      answer(exchange, 401, error("invalid_client",
          "unknown client or wrong secret; demo clients: " + String.join(", ", DemoClients.ids())));
      return;
    }
    Grant granted = grant.get();
    if (form.get("district") != null && !form.get("district").isBlank()) {
      granted = granted.inDistrict(form.get("district").strip());
    }
    if (form.get("stations") != null && !form.get("stations").isBlank()) {
      granted = granted.forStations(Arrays.stream(form.get("stations").split(",")).map(String::strip)
          .filter(s -> !s.isEmpty()).toList());
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("access_token", tokens.issue(granted));
    answer.put("token_type", "Bearer");
    answer.put("expires_in", TokenIssuer.LIFETIME.toSeconds());
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    answer(exchange, 200, answer);
  }

  /** {client id, secret} from HTTP Basic, else from the form. */
  private static Optional<String[]> credentials(HttpExchange exchange, Map<String, String> form) {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon > 0) {
          // RFC 6749 §2.3.1: both parts are form-urlencoded before Basic encoding.
          return Optional.of(new String[] {decode(decoded.substring(0, colon)), decode(decoded.substring(colon + 1))});
        }
      } catch (IllegalArgumentException notBase64) {
        return Optional.empty();
      }
      return Optional.empty();
    }
    String id = form.get("client_id");
    String secret = form.get("client_secret");
    return id == null || secret == null ? Optional.empty() : Optional.of(new String[] {id, secret});
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      fields.putIfAbsent(name, value);
    }
    return fields;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static Map<String, Object> error(String code, String description) {
    return Map.of("error", code, "error_description", description);
  }

  private static void answer(HttpExchange exchange, int status, Map<String, ?> json) throws IOException {
    byte[] body = JSONObjectUtils.toJSONString(new LinkedHashMap<String, Object>(json)).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }
}
