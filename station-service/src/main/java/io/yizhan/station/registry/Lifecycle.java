package io.yizhan.station.registry;

import io.yizhan.contracts.station.StationStatus;
import io.yizhan.support.problem.ConflictException;
import io.yizhan.support.problem.InvalidRequestException;
import java.util.Map;
import java.util.Set;

/**
 * The moves a station's status may make, each by someone and, except opening a planned
 * station, for a stated reason: the union must be able to say why a station closed.
 */
public enum Lifecycle {
  /** A planned station opens its doors. */
  ACTIVATE(Set.of(StationStatus.PLANNED), StationStatus.ACTIVE, false, "启用"),
  /** Temporarily closed: renovation, staff shortage, a failed inspection. */
  SUSPEND(Set.of(StationStatus.ACTIVE), StationStatus.SUSPENDED, true, "暂停"),
  /** Open again after a suspension. */
  RESUME(Set.of(StationStatus.SUSPENDED), StationStatus.ACTIVE, true, "恢复"),
  /** Withdrawn for good (撤销), e.g. after a failed dynamic assessment, or a plan dropped. */
  REVOKE(Set.of(StationStatus.PLANNED, StationStatus.ACTIVE, StationStatus.SUSPENDED), StationStatus.REVOKED, true, "撤销"),
  /** A revoked station restored to service. */
  REINSTATE(Set.of(StationStatus.REVOKED), StationStatus.ACTIVE, true, "恢复设立");

  private final Set<StationStatus> from;
  private final StationStatus to;
  private final boolean reasonRequired;
  private final String word;

  Lifecycle(Set<StationStatus> from, StationStatus to, boolean reasonRequired, String word) {
    this.from = from;
    this.to = to;
    this.reasonRequired = reasonRequired;
    this.word = word;
  }

  private static final Map<StationStatus, String> STATUS_WORDS = Map.of(
      StationStatus.PLANNED, "筹建中",
      StationStatus.ACTIVE, "运行中",
      StationStatus.SUSPENDED, "暂停中",
      StationStatus.REVOKED, "已撤销");

  /** The status after this move, or why the move is not allowed now. */
  public StationStatus apply(StationStatus current, String by, String reason) {
    if (by == null || by.isBlank()) {
      throw new InvalidRequestException("by", "请填写操作人");
    }
    if (reasonRequired && (reason == null || reason.isBlank())) {
      throw new InvalidRequestException("reason", "请填写" + word + "原因，便于日后查询");
    }
    if (!from.contains(current)) {
      throw new ConflictException("站点当前" + STATUS_WORDS.get(current) + "，不能" + word + "。");
    }
    return to;
  }

  public StationStatus target() {
    return to;
  }
}
