package io.yizhan.issuer;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.yizhan.contracts.access.Role;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
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
import org.jspecify.annotations.Nullable;

/**
 * The issuer over HTTP on localhost: OpenID discovery ({@code /.well-known/openid-configuration}),
 * the key set ({@code /oauth2/jwks}), the token endpoint ({@code /oauth2/token}) and a sign-in
 * page ({@code /oauth2/authorize}).
 * <ul>
 *   <li>Machines (district systems, the load generator, Prometheus) use the grant
 *       {@code client_credentials}, the client authenticated by HTTP Basic or by form fields.</li>
 *   <li>People on a dashboard use {@code authorization_code} with PKCE ({@link AuthorizationCodes}):
 *       the page sends them to the sign-in page, which sends them back with a code, which the page
 *       exchanges for a token. The token endpoint answers pages of this machine across origins.</li>
 * </ul>
 *
 * <p>A demo client may ask for another district ({@code district=新城区}) or for stations
 * ({@code stations=id1,id2}) so the demo can act as any district's admin or any station's manager.
 * A real identity provider takes those from its user directory instead.
 */
public final class IssuerServer implements AutoCloseable {

  private static final int MAX_FORM_BYTES = 16 * 1024;

  private final HttpServer server;
  private final TokenIssuer tokens;
  private final AuthorizationCodes codes = new AuthorizationCodes(Clock.systemUTC());

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
    server.createContext("/oauth2/authorize", issuerServer::authorize);
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

  public URI authorizationUri() {
    return issuer().resolve("/oauth2/authorize");
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
    configuration.put("authorization_endpoint", authorizationUri().toString());
    configuration.put("grant_types_supported", List.of("client_credentials", "authorization_code"));
    configuration.put("response_types_supported", List.of("code"));
    configuration.put("code_challenge_methods_supported", List.of("S256"));
    configuration.put("token_endpoint_auth_methods_supported",
        List.of("client_secret_basic", "client_secret_post", "none"));
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
    // The dashboard posts a plain form (no preflight); it only needs to be let read the answer.
    allowPagesOfThisMachine(exchange);
    if (!"POST".equals(exchange.getRequestMethod())) {
      answer(exchange, 405, error("invalid_request", "POST the form grant_type=client_credentials"));
      return;
    }
    Map<String, String> form = postedForm(exchange);
    if (form == null) {
      return;
    }
    if ("authorization_code".equals(form.get("grant_type"))) {
      try {
        issue(exchange, codes.redeem(form.get("code"), form.get("client_id"), form.get("redirect_uri"),
            form.get("code_verifier")));
      } catch (AuthorizationCodes.RefusedException e) {
        answer(exchange, 400, error("invalid_grant", e.getMessage()));
      }
      return;
    }
    if (!"client_credentials".equals(form.get("grant_type"))) {
      answer(exchange, 400, error("unsupported_grant_type",
          "grant_type must be client_credentials (machines) or authorization_code (pages, with PKCE)"));
      return;
    }
    Optional<Grant> grant = credentials(exchange, form).flatMap(c -> DemoClients.authenticate(c[0], c[1]));
    if (grant.isEmpty()) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"yizhan\"");
      answer(exchange, 401, error("invalid_client",
          "unknown client or wrong secret; demo clients: " + String.join(", ", DemoClients.ids())));
      return;
    }
    issue(exchange, asked(grant.get(), form));
  }

  /** A demo user may act for another district or for stations, as the form asks. */
  private static Grant asked(Grant grant, Map<String, String> form) {
    Grant granted = grant;
    if (form.get("district") != null && !form.get("district").isBlank()) {
      granted = granted.inDistrict(form.get("district").strip());
    }
    if (form.get("stations") != null && !form.get("stations").isBlank()) {
      granted = granted.forStations(Arrays.stream(form.get("stations").split("[,，\\s]+")).map(String::strip)
          .filter(s -> !s.isEmpty()).toList());
    }
    return granted;
  }

  private void issue(HttpExchange exchange, Grant granted) throws IOException {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("access_token", tokens.issue(granted));
    answer.put("token_type", "Bearer");
    answer.put("expires_in", TokenIssuer.LIFETIME.toSeconds());
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    answer(exchange, 200, answer);
  }

  /**
   * The sign-in page: GET shows the form for a page's request, POST checks it and sends the
   * browser back to the page with a code. A request naming an unknown client or a redirect off
   * this machine is refused on the page itself, never redirected (RFC 6749 §4.1.2.1).
   */
  private void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> request;
    if ("GET".equals(exchange.getRequestMethod())) {
      String query = exchange.getRequestURI().getRawQuery();
      request = form(query == null ? "" : query);
    } else if ("POST".equals(exchange.getRequestMethod())) {
      request = postedForm(exchange);
      if (request == null) {
        return;
      }
    } else {
      html(exchange, 405, LoginPage.refusal("请用浏览器打开登录页。"));
      return;
    }
    String clientId = request.getOrDefault("client_id", "");
    String redirectUri = request.getOrDefault("redirect_uri", "");
    Optional<String> refused = AuthorizationCodes.whyNotAllowed(clientId, redirectUri);
    if (refused.isPresent()) {
      html(exchange, 400, LoginPage.refusal(refused.get()));
      return;
    }
    String state = request.get("state");
    if (!"code".equals(request.get("response_type")) && "GET".equals(exchange.getRequestMethod())) {
      redirect(exchange, redirectUri, state, "error", "unsupported_response_type");
      return;
    }
    String challenge = request.getOrDefault("code_challenge", "");
    if (!"S256".equals(request.get("code_challenge_method")) || !challenge.matches("[A-Za-z0-9_-]{43}")) {
      redirect(exchange, redirectUri, state, "error", "invalid_request",
          "error_description", "PKCE is required: code_challenge_method=S256 and a 43-character code_challenge");
      return;
    }
    if ("GET".equals(exchange.getRequestMethod())) {
      html(exchange, 200, LoginPage.form(request, null, null));
      return;
    }
    String user = request.getOrDefault("user", "");
    Optional<Grant> grant = DemoClients.authenticate(user, request.getOrDefault("password", ""))
        .filter(g -> !g.roles().contains(Role.DISTRICT_SYSTEM));
    if (grant.isEmpty()) {
      html(exchange, 200, LoginPage.form(request, "身份或密码不对，请重新输入（演示密码 yizhan-demo）。", user));
      return;
    }
    redirect(exchange, redirectUri, state,
        "code", codes.issue(asked(grant.get(), request), clientId, redirectUri, challenge));
  }

  /**
   * Back to the page with these parameters (name, value, name, value…) and its state, as RFC 6749
   * §4.1.2 says.
   */
  private static void redirect(HttpExchange exchange, String redirectUri, @Nullable String state,
      String... namesAndValues) throws IOException {
    StringBuilder location = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      location.append(namesAndValues[i]).append('=')
          .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8)).append('&');
    }
    if (state != null) {
      location.append("state=").append(URLEncoder.encode(state, StandardCharsets.UTF_8)).append('&');
    }
    location.setLength(location.length() - 1);
    exchange.getResponseHeaders().set("Location", location.toString());
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  /** A page served from this machine (a dashboard on the gateway's port) may read the token. */
  private static void allowPagesOfThisMachine(HttpExchange exchange) {
    String origin = exchange.getRequestHeaders().getFirst("Origin");
    if (origin != null && origin.matches("https?://(localhost|127\\.0\\.0\\.1|\\[::1])(:\\d+)?")) {
      exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
      exchange.getResponseHeaders().set("Vary", "Origin");
    }
  }

  /** The POSTed form, or null after answering 413 when it is too large. */
  private static @Nullable Map<String, String> postedForm(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_FORM_BYTES + 1);
      if (bytes.length > MAX_FORM_BYTES) {
        answer(exchange, 413, error("invalid_request", "the form is over 16 KB"));
        return null;
      }
      return form(new String(bytes, StandardCharsets.UTF_8));
    }
  }

  private static void html(HttpExchange exchange, int status, String page) throws IOException {
    byte[] body = page.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html;charset=UTF-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    // The sign-in page may not be framed by another page (clickjacking).
    exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
    exchange.getResponseHeaders().set("Content-Security-Policy", "frame-ancestors 'none'");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
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
