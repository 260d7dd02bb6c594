package io.yizhan.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IssuerServerTest {

  private static final HttpClient http = HttpClient.newHttpClient();
  private static IssuerServer server;

  @BeforeAll
  static void start() throws Exception {
    server = IssuerServer.start(0, TokenIssuer.newKey());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aDemoClientGetsATokenSignedByThePublishedKeyWithItsRoleAndDistrict() throws Exception {
    HttpResponse<String> answer = post("grant_type=client_credentials", basic("district-admin", DemoClients.SECRET));

    assertThat(answer.statusCode()).isEqualTo(200);
    Map<String, Object> body = JSONObjectUtils.parse(answer.body());
    assertThat(body).containsEntry("token_type", "Bearer");
    SignedJWT jwt = SignedJWT.parse((String) body.get("access_token"));
    RSAKey published = (RSAKey) JWKSet.parse(get("/oauth2/jwks").body()).getKeys().get(0);
    assertThat(jwt.verify(new RSASSAVerifier(published))).isTrue();
    assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(server.issuer().toString());
    assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("yizhan");
    assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("DISTRICT_ADMIN");
    assertThat(jwt.getJWTClaimsSet().getStringClaim("district")).isEqualTo("莲湖区");
    assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isInTheFuture();
  }

  @Test
  void aDemoClientMayActForAnotherDistrictOrForStations() throws Exception {
    String form = "grant_type=client_credentials&client_id=station-manager&client_secret=" + DemoClients.SECRET
        + "&stations=a1,%20b2&district=" + java.net.URLEncoder.encode("新城区", StandardCharsets.UTF_8);
    SignedJWT jwt = SignedJWT.parse((String) JSONObjectUtils.parse(post(form, null).body()).get("access_token"));

    assertThat(jwt.getJWTClaimsSet().getStringListClaim("stations")).containsExactly("a1", "b2");
    assertThat(jwt.getJWTClaimsSet().getStringClaim("district")).isEqualTo("新城区");
  }

  @Test
  void aWrongSecretOrGrantIsRefusedInOAuthTerms() throws Exception {
    HttpResponse<String> wrongSecret = post("grant_type=client_credentials", basic("city-admin", "guess"));
    HttpResponse<String> wrongGrant = post("grant_type=password&username=a&password=b", basic("city-admin", DemoClients.SECRET));

    assertThat(wrongSecret.statusCode()).isEqualTo(401);
    assertThat(wrongSecret.body()).contains("invalid_client", "city-admin, district-admin");
    assertThat(wrongGrant.statusCode()).isEqualTo(400);
    assertThat(wrongGrant.body()).contains("unsupported_grant_type");
  }

  @Test
  void discoveryNamesTheKeySetAndTokenEndpoint() throws Exception {
    Map<String, Object> configuration = JSONObjectUtils.parse(get("/.well-known/openid-configuration").body());

    assertThat(configuration).containsEntry("issuer", server.issuer().toString())
        .containsEntry("jwks_uri", server.jwkSetUri().toString())
        .containsEntry("token_endpoint", server.tokenUri().toString())
        .containsEntry("authorization_endpoint", server.authorizationUri().toString())
        .containsEntry("code_challenge_methods_supported", java.util.List.of("S256"));
  }

  @Test
  void aPersonSignsInOnThePageAndTheDashboardRedeemsTheCodeOnceWithItsVerifier() throws Exception {
    String verifier = "a-dashboards-one-time-secret-of-at-least-forty-three-characters";
    String page = "http://localhost:8080/dashboards/utilization.html";
    Map<String, String> request = dashboardRequest(page, "s-1", verifier);

    HttpResponse<String> form = get("/oauth2/authorize?" + encoded(request));
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
    assertThat(form.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(form.body()).contains("<html lang=\"zh-CN\">", "市总工会", "区县工会", "name=\"state\" value=\"s-1\"")
        .doesNotContain("district-system");

    HttpResponse<String> wrongPassword = signIn(request, "user=district-admin&password=guess");
    assertThat(wrongPassword.statusCode()).isEqualTo(200);
    assertThat(wrongPassword.body()).contains("密码不对");

    HttpResponse<String> signedIn = signIn(request, "user=district-admin&password=" + DemoClients.SECRET
        + "&district=" + java.net.URLEncoder.encode("雁塔区", StandardCharsets.UTF_8));
    assertThat(signedIn.statusCode()).isEqualTo(302);
    URI back = URI.create(signedIn.headers().firstValue("Location").orElseThrow());
    assertThat(back.toString()).startsWith(page + "?code=").endsWith("&state=s-1");
    String code = back.getQuery().replaceAll("^code=([^&]+)&.*$", "$1");

    String redeem = "grant_type=authorization_code&client_id=" + AuthorizationCodes.DASHBOARD_CLIENT + "&redirect_uri="
        + java.net.URLEncoder.encode(page, StandardCharsets.UTF_8) + "&code=" + code + "&code_verifier=";
    HttpResponse<String> token = post(redeem + verifier, null, "http://localhost:8080");
    assertThat(token.statusCode()).isEqualTo(200);
    assertThat(token.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:8080");
    SignedJWT jwt = SignedJWT.parse((String) JSONObjectUtils.parse(token.body()).get("access_token"));
    assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("DISTRICT_ADMIN");
    assertThat(jwt.getJWTClaimsSet().getStringClaim("district")).isEqualTo("雁塔区");
    assertThat(jwt.getJWTClaimsSet().getStringClaim("name")).isEqualTo("雁塔区工会 演示用户");

    HttpResponse<String> again = post(redeem + verifier, null, null);
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("invalid_grant");
  }

  @Test
  void aCodeNeedsItsOwnVerifierAndASignInPageNeverSendsAnyoneOffThisMachine() throws Exception {
    String verifier = "another-dashboards-one-time-secret-of-forty-three-characters-or-more";
    String page = "http://127.0.0.1:8082/dashboards/utilization.html";
    Map<String, String> request = dashboardRequest(page, "s-2", verifier);
    URI back = URI.create(signIn(request, "user=city-admin&password=" + DemoClients.SECRET)
        .headers().firstValue("Location").orElseThrow());
    String code = back.getQuery().replaceAll("^code=([^&]+)&.*$", "$1");
    HttpResponse<String> stolen = post("grant_type=authorization_code&client_id=" + AuthorizationCodes.DASHBOARD_CLIENT
        + "&redirect_uri=" + java.net.URLEncoder.encode(page, StandardCharsets.UTF_8) + "&code=" + code
        + "&code_verifier=guessed-verifier-guessed-verifier-guessed-verifier", null, "https://evil.example");
    assertThat(stolen.statusCode()).isEqualTo(400);
    assertThat(stolen.body()).contains("invalid_grant");
    assertThat(stolen.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

    Map<String, String> foreign = new java.util.HashMap<>(request);
    foreign.put("redirect_uri", "https://evil.example/steal");
    HttpResponse<String> refused = get("/oauth2/authorize?" + encoded(foreign));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Location")).isEmpty();
    assertThat(refused.body()).contains("本机");

    Map<String, String> withoutPkce = new java.util.HashMap<>(request);
    withoutPkce.remove("code_challenge");
    HttpResponse<String> noPkce = get("/oauth2/authorize?" + encoded(withoutPkce));
    assertThat(noPkce.statusCode()).isEqualTo(302);
    assertThat(noPkce.headers().firstValue("Location")).get().asString()
        .startsWith(page + "?error=invalid_request&").endsWith("&state=s-2");

    HttpResponse<String> machine = signIn(request, "user=district-system&password=" + DemoClients.SECRET);
    assertThat(machine.statusCode()).isEqualTo(200);
    assertThat(machine.body()).contains("密码不对");
  }

  @Test
  void theKeyKeptInAFileIsTheSameAfterARestart(@TempDir Path dir) {
    Path file = dir.resolve("issuer/signing-key.json");
    RSAKey first = TokenIssuer.keyIn(file);
    RSAKey again = TokenIssuer.keyIn(file);

    assertThat(again.getKeyID()).isEqualTo(first.getKeyID());
    assertThat(again.isPrivate()).isTrue();
    assertThat(Files.exists(file)).isTrue();
  }

  private static String basic(String id, String secret) {
    return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> post(String form, String authorization) throws Exception {
    return post(form, authorization, null);
  }

  private static HttpResponse<String> post(String form, String authorization, String origin) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.tokenUri())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (origin != null) {
      request.header("Origin", origin);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** What the dashboard sends the browser to the sign-in page with. */
  private static Map<String, String> dashboardRequest(String page, String state, String verifier) {
    return Map.of("response_type", "code", "client_id", AuthorizationCodes.DASHBOARD_CLIENT, "redirect_uri", page,
        "state", state, "code_challenge", AuthorizationCodes.s256(verifier), "code_challenge_method", "S256");
  }

  /** The sign-in form as the page posts it: the request's fields, hidden, and what the person typed. */
  private static HttpResponse<String> signIn(Map<String, String> request, String typed) throws Exception {
    return http.send(HttpRequest.newBuilder(server.authorizationUri())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(encoded(request) + "&" + typed)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String encoded(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(java.util.stream.Collectors.joining("&"));
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.issuer() + path)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
