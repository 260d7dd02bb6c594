package io.yizhan.contracts.access;

/**
 * A role a token grants, named in its {@value AccessClaims#ROLES} claim. Which stations a role
 * reaches comes from the token's {@value AccessClaims#DISTRICT} or {@value AccessClaims#STATIONS}
 * claim (architecture.md, Security).
 */
public enum Role {
  /** 市总工会: the whole city; approves top stars. */
  CITY_ADMIN("市总工会"),
  /** 区县、开发区工会: the stations of the district in the token. */
  DISTRICT_ADMIN("区县工会"),
  /** 区域站长: guides the stations in the token. */
  REGIONAL_HEAD("区域站长"),
  /** 站点管理员: runs the stations in the token. */
  STATION_MANAGER("站点管理员"),
  /** A district's system (machine client): feeds visits of its district's stations. */
  DISTRICT_SYSTEM("区县系统"),
  /** The ops team: metrics and operations endpoints. */
  OPS("运维");

  private final String label;

  Role(String label) {
    this.label = label;
  }

  /** The role's name as users know it. */
  public String label() {
    return label;
  }
}
