package io.yizhan.contracts.station;

/** How a station was built (建设方式). Co-built stations name their partner organisation. */
public enum BuildMode {
  /** 工会自建: on the union's own premises. */
  UNION_BUILT,
  /** 政府兴建: with city management, housing or transport departments. */
  GOVERNMENT_BUILT,
  /** 社会助建: in shops, supermarkets, hotels, hospitals, banks, scenic spots, parks. */
  SOCIETY_ASSISTED,
  /** 集成共建: in party–mass service centres of city, district, street or community. */
  INTEGRATED
}
