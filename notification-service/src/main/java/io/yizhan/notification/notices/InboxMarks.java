package io.yizhan.notification.notices;

import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * What each reader has been shown of their inbox: the newest notice's time, kept per reader (a
 * token's subject) rather than per browser, so that what is new is the same on every device.
 */
public interface InboxMarks {

  /** The newest notice time this reader has been shown; empty before their first. */
  Mono<Instant> seenUpTo(String reader);

  /** Moves the reader's mark on to {@code upTo}, never back (an older page opened later); answers the mark. */
  Mono<Instant> markSeen(String reader, Instant upTo);
}
