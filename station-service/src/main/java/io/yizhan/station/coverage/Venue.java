package io.yizhan.station.coverage;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A place that could host a new station, uploaded by planners: the survey report asks the union
 * to make use of Cainiao posts, logistics sites' rest rooms and shopping centres' service desks
 * for the new-economy workers. A plan of new stations may be restricted to these.
 */
public record Venue(double latitude, double longitude, String name, Kind kind) {

  /** What sort of place it is; the labels are what the planners' map shows. */
  public enum Kind {
    PARCEL_POST("菜鸟驿站 / 快递驿站"),
    LOGISTICS_REST_ROOM("物流场所休息室"),
    MALL_SERVICE_DESK("商场超市服务台"),
    COMMUNITY_CENTRE("社区 / 党群服务中心"),
    FUEL_STATION("加油站"),
    BANK_BRANCH("银行网点"),
    OTHER("其他场所");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /**
     * The kind a sheet's cell names: its code, its label, or a part of the label ("菜鸟驿站");
     * null when it names none.
     */
    public static @Nullable Kind named(String name) {
      String wanted = name.strip();
      for (Kind kind : values()) {
        if (kind.name().equalsIgnoreCase(wanted) || kind.label.equals(wanted)
            || Arrays.asList(kind.label.split(" / ")).contains(wanted)) {
          return kind;
        }
      }
      return null;
    }
  }
}
