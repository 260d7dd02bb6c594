package io.yizhan.visit.access.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the dashboards send union staff to sign in: the identity provider's authorization and
 * token endpoints and the dashboards' public client (authorization code with PKCE, ADR 18). The
 * page asks here rather than knowing them, so that production points them at the city's provider
 * by configuration.
 */
@RestController
class SignInController {

  private final SignIn signIn;

  SignInController(
      @Value("${yizhan.sign-in.client-id}") String clientId,
      @Value("${yizhan.sign-in.authorization-uri}") String authorizationUri,
      @Value("${yizhan.sign-in.token-uri}") String tokenUri) {
    this.signIn = new SignIn(clientId, authorizationUri, tokenUri);
  }

  record SignIn(String clientId, String authorizationUri, String tokenUri) {}

  @GetMapping("/dashboards/sign-in")
  SignIn signIn() {
    return signIn;
  }
}
