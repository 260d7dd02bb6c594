package io.yizhan.support.problem;

import java.util.UUID;

/** Reads a station id a person typed or scanned; a malformed one is a request problem on that field. */
public final class StationIds {

  public static UUID parse(String field, String value) {
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(field,
          "站点编号格式不对，应为 UUID，例如 0b7e2c1a-5d7f-4a55-9f51-3c2f7d1e9a10（扫描站点门口的二维码即可获得）。");
    }
  }

  private StationIds() {}
}
