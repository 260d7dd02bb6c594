package io.yizhan.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yizhan.issuer.IssuerServer;
import io.yizhan.issuer.TokenIssuer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CredentialsTest {

  @Test
  void a_demo_client_gets_a_token_for_its_role_and_a_wrong_secret_is_said_plainly() throws Exception {
    try (IssuerServer issuer = IssuerServer.start(0, TokenIssuer.newKey())) {
      String token = Credentials.fetch(issuer.tokenUri(), Credentials.DISTRICT_SYSTEM, "yizhan-demo");
      String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
      assertThat(claims).contains("\"roles\":[\"DISTRICT_SYSTEM\"]");

      assertThatThrownBy(() -> Credentials.fetch(issuer.tokenUri(), Credentials.CITY_ADMIN, "guess"))
          .hasMessageContaining("取令牌失败").hasMessageContaining("401");
    }
  }
}
