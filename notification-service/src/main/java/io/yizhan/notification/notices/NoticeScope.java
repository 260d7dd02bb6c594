package io.yizhan.notification.notices;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Whose notices a reader sees in their inbox: the city every station's, a district's union its
 * district's, a station's manager or regional head their stations'. One reader may be several.
 *
 * @param everything the city
 * @param district   the district whose union reads, or null
 * @param stations   the stations the reader runs
 */
public record NoticeScope(boolean everything, @Nullable String district, Set<UUID> stations) {

  public NoticeScope {
    stations = Set.copyOf(stations);
  }

  /** No notice is about anything this reader is responsible for. */
  public boolean isEmpty() {
    return !everything && district == null && stations.isEmpty();
  }
}
