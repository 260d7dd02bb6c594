package io.yizhan.contracts.access;

/** The names of the claims a Yizhan token carries besides the standard ones (iss, sub, aud, exp). */
public final class AccessClaims {

  /** The audience every Yizhan token must name; a token for another system is refused. */
  public static final String AUDIENCE = "yizhan";
  /** A list of {@link Role} names. */
  public static final String ROLES = "roles";
  /** The district (as stations name it, e.g. 莲湖区) a district admin or district system acts for. */
  public static final String DISTRICT = "district";
  /** A list of station ids a station manager or regional head is responsible for. */
  public static final String STATIONS = "stations";
  /** A display name for audit lines ("who did it"); never required. */
  public static final String NAME = "name";

  private AccessClaims() {}
}
