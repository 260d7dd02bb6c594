package io.yizhan.hours;

import io.yizhan.contracts.EventJson;
import io.yizhan.contracts.station.Hours;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Opening hours as the services keep them in their databases: the JSON of the wire form
 * {@link Hours}. Most stations share one of a few schedules (weekday office hours, 24/7), so each
 * distinct document is parsed once: station-service's finder loads 150,000 stations at start,
 * and visit-service reads a station's hours on every check-in.
 */
public final class StoredHours {

  /** Past this many distinct schedules, documents are parsed each time rather than kept. */
  private static final int MAX_KEPT = 20_000;
  private static final Map<String, OpeningHours> PARSED = new ConcurrentHashMap<>();

  public static String write(OpeningHours hours) {
    return EventJson.mapper().writeValueAsString(HoursConversion.write(hours));
  }

  /**
   * @return null for a document that no longer passes today's checks (it was checked when
   *         written): callers show such hours as unknown rather than failing every read
   */
  public static @Nullable OpeningHours read(String json) {
    OpeningHours known = PARSED.get(json);
    if (known != null) {
      return known;
    }
    OpeningHours parsed =
        HoursConversion.read(EventJson.mapper().readValue(json, Hours.class), "hours", (field, message) -> { });
    if (parsed != null && PARSED.size() < MAX_KEPT) {
      PARSED.put(json, parsed);
    }
    return parsed;
  }

  private StoredHours() {}
}
