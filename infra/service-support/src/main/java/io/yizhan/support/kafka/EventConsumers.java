package io.yizhan.support.kafka;

import io.yizhan.support.inbox.Inbox;

/** Starts the definition of a service's consumers, all with the same inbox and dead letters. */
public class EventConsumers {

  private final Inbox inbox;
  private final DeadLetters deadLetters;

  public EventConsumers(Inbox inbox, DeadLetters deadLetters) {
    this.inbox = inbox;
    this.deadLetters = deadLetters;
  }

  /**
   * @param name unique to this consumer within its service, e.g. {@code station-replica}; its
   *             inbox rows are kept under it
   */
  public EventHandlers named(String name) {
    return EventHandlers.consumer(name, inbox, deadLetters);
  }
}
