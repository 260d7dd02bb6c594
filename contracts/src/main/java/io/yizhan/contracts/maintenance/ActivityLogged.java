package io.yizhan.contracts.maintenance;

import io.yizhan.contracts.EventType;
import io.yizhan.contracts.Require;
import io.yizhan.contracts.Topics;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A station logged one of its activities (特色活动): a holiday meal, legal aid, a free clinic, a
 * cooling or warming drive, a model-worker visit, union joining. Assessment counts them.
 *
 * @param kind         an activity kind code such as {@code FREE_CLINIC}
 * @param participants how many workers took part, when counted
 */
public record ActivityLogged(
    String activityId,
    String stationId,
    String kind,
    String title,
    LocalDate heldOn,
    @Nullable Integer participants,
    String by) {

  public static final EventType<ActivityLogged> TYPE =
      new EventType<>("activity.logged", 1, Topics.STATION_EVENTS, ActivityLogged.class);

  public ActivityLogged {
    Require.text(activityId, "activityId");
    Require.text(stationId, "stationId");
    Require.text(kind, "kind");
    Require.text(title, "title");
    Require.present(heldOn, "heldOn");
    Require.text(by, "by");
    if (participants != null && participants < 0) {
      throw new IllegalArgumentException("participants must not be negative");
    }
  }
}
