package io.yizhan.issuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.yizhan.contracts.access.AccessClaims;
import io.yizhan.contracts.access.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Signs tokens for one issuer with one RSA key, and publishes that key. */
public final class TokenIssuer {

  /** Long enough for a demo session or a benchmark; short enough that a leaked one expires today. */
  public static final Duration LIFETIME = Duration.ofHours(8);

  private final URI issuer;
  private final RSAKey key;
  private final RSASSASigner signer;
  private final Clock clock;

  public TokenIssuer(URI issuer, RSAKey key, Clock clock) {
    this.issuer = issuer;
    this.key = key;
    this.clock = clock;
    try {
      this.signer = new RSASSASigner(key);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("not a private RSA key: " + e.getMessage(), e);
    }
  }

  public URI issuer() {
    return issuer;
  }

  /** The same issuer and key on another clock: tokens already expired, or not yet valid, for tests. */
  public TokenIssuer at(Clock otherClock) {
    return new TokenIssuer(issuer, key, otherClock);
  }

  /** A signed token (RS256) for this grant, valid for {@link #LIFETIME}. */
  public String issue(Grant grant) {
    Instant now = clock.instant();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .issuer(issuer.toString())
        .subject(grant.subject())
        .audience(AccessClaims.AUDIENCE)
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plus(LIFETIME)))
        .jwtID(UUID.randomUUID().toString())
        .claim(AccessClaims.ROLES, grant.roles().stream().map(Role::name).sorted().toList());
    if (grant.district() != null) {
      claims.claim(AccessClaims.DISTRICT, grant.district());
    }
    if (!grant.stations().isEmpty()) {
      claims.claim(AccessClaims.STATIONS, grant.stations());
    }
    if (grant.name() != null) {
      claims.claim(AccessClaims.NAME, grant.name());
    }
    SignedJWT jwt = new SignedJWT(
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
        claims.build());
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("signing a token failed", e);
    }
    return jwt.serialize();
  }

  /** The public key set (RFC 7517) that resource servers check signatures against. */
  public String jwkSetJson() {
    return new JWKSet(key.toPublicJWK()).toString();
  }

  /** A new 2048-bit signing key. */
  public static RSAKey newKey() {
    try {
      return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
          .keyID(UUID.randomUUID().toString()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("no RSA key generator in this JVM", e);
    }
  }

  /**
   * The key kept in this file, or a new one written there (readable by the owner only). The
   * devstack keeps its key so tokens issued before a restart stay valid after it.
   */
  public static RSAKey keyIn(Path file) {
    try {
      if (Files.exists(file)) {
        return RSAKey.parse(Files.readString(file));
      }
      RSAKey key = newKey();
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path written = Files.writeString(Files.createTempFile(file.toAbsolutePath().getParent(), "key", ".tmp"),
          key.toJSONString());
      try {
        Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the file lies in the user's own .yizhan directory.
      }
      Files.move(written, file);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read or write the signing key at " + file, e);
    } catch (ParseException e) {
      throw new IllegalStateException("the signing key at " + file + " is damaged; delete it to make a new one", e);
    }
  }
}
