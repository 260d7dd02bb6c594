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
        .containsEntry("token_endpoint", server.tokenUri().toString());
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
    HttpRequest.Builder request = HttpRequest.newBuilder(server.tokenUri())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.issuer() + path)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
