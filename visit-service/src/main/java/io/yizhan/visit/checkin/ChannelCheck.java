package io.yizhan.visit.checkin;

import io.yizhan.contracts.visit.VisitChannel;
import io.yizhan.visit.stations.KnownStation;

/**
 * Whether whoever sent a check-in may record it by the channel it claims, at the station it
 * names. The channel is part of the figures (how many visits the QR codes bring in against the
 * registers), so a worker's phone may not pass its check-in off as a manager's register entry.
 */
@FunctionalInterface
public interface ChannelCheck {

  /** For entry points whose senders were checked before (the inbound topic: Kafka's ACLs). */
  ChannelCheck NONE = (channel, station) -> { };

  /** Returns when the sender may; otherwise throws the problem that says who may. */
  void check(VisitChannel channel, KnownStation station);
}
