package io.yizhan.visit.utilization;

import io.yizhan.visit.utilization.UtilizationReports.Standing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which stations' standings to publish: those whose busy/idle level, or whether their hours miss
 * the workers, differ from the standing last published for them, and those never published. A
 * change of figures alone (a few more visits per seat) is not news to a district's system; a
 * station becoming overloaded or idle is.
 */
public final class StandingChanges {

  /** A station's standing as last published. */
  public record Published(BusyIdle.Level level, boolean closedWhenNeeded) {}

  /** A standing to publish, and the level of the one published before it (null for a first). */
  public record Change(Standing standing, BusyIdle.@Nullable Level previous) {}

  private StandingChanges() {}

  public static List<Change> since(Map<UUID, Published> published, List<Standing> standings) {
    List<Change> changes = new ArrayList<>();
    for (Standing standing : standings) {
      Published before = published.get(standing.ranked().load().stationId());
      if (before == null) {
        changes.add(new Change(standing, null));
      } else if (before.level() != standing.ranked().level() || before.closedWhenNeeded() != standing.closedWhenNeeded()) {
        changes.add(new Change(standing, before.level()));
      }
    }
    return changes;
  }
}
