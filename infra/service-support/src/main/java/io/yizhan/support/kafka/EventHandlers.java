package io.yizhan.support.kafka;

import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.EventJson;
import io.yizhan.contracts.EventType;
import io.yizhan.contracts.MalformedEventException;
import io.yizhan.support.inbox.Inbox;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Turns the records of one topic into calls of typed handlers, each applied at most once through
 * the {@link Inbox}. A Spring Cloud Stream binding takes the result as a per-message consumer, so
 * the binder's retry covers transient failures.
 *
 * <p>What cannot be read, or is rejected by a handler, goes to the topic's dead-letter topic with
 * the reason and the consumer moves on. Event types with no handler are skipped: a consumer reads
 * only the events it cares about, and a producer may add types.
 */
public final class EventHandlers {

  private static final Logger log = LoggerFactory.getLogger(EventHandlers.class);
  private static final Duration HANDLER_TIMEOUT = Duration.ofSeconds(30);

  private final String consumer;
  private final Inbox inbox;
  private final DeadLetters deadLetters;
  private final Map<String, Function<EventEnvelope<JsonNode>, Mono<?>>> handlers = new LinkedHashMap<>();
  private Function<DeadLetter, Mono<?>> beforeDeadLetter = letter -> Mono.empty();

  private EventHandlers(String consumer, Inbox inbox, DeadLetters deadLetters) {
    this.consumer = consumer;
    this.inbox = inbox;
    this.deadLetters = deadLetters;
  }

  /**
   * @param consumer a name unique to this consumer in its service, e.g. {@code station-replica};
   *                 its inbox rows are kept under it
   */
  public static EventHandlers consumer(String consumer, Inbox inbox, DeadLetters deadLetters) {
    return new EventHandlers(consumer, inbox, deadLetters);
  }

  /** Handles events of this type with {@code handler}, whose effect commits with the inbox row. */
  public <T> EventHandlers on(EventType<T> type, Function<EventEnvelope<T>, Mono<?>> handler) {
    handlers.put(type.name(), envelope -> {
      EventEnvelope<T> event = EventJson.payload(envelope, type);
      try {
        return handler.apply(event);
      } catch (IllegalArgumentException e) {
        // Thrown while interpreting the payload (an id that is not a UUID, say): a bad event.
        throw new MalformedEventException("invalid " + type.name() + " data: " + e.getMessage(), e);
      }
    });
    return this;
  }

  /**
   * Runs {@code keeping} for every record this consumer sends to the dead-letter topic, read or
   * not, before it goes: for a consumer whose producers must learn what was refused, which they
   * cannot read in a dead-letter topic shared with every other producer. It runs outside the
   * inbox's transaction, which a refused record rolls back. Should it fail, the record is retried
   * like any failed handling, so it must be idempotent ({@link DeadLetter#id()}).
   */
  public EventHandlers beforeDeadLetter(Function<DeadLetter, Mono<?>> keeping) {
    this.beforeDeadLetter = keeping;
    return this;
  }

  /** The per-message consumer to register as the binding's function bean. */
  public Consumer<Message<byte[]>> build() {
    return this::handle;
  }

  private void handle(Message<byte[]> message) {
    EventEnvelope<JsonNode> envelope;
    try {
      envelope = EventJson.readEnvelope(message.getPayload());
    } catch (MalformedEventException e) {
      deadLetter(message, null, e);
      return;
    }
    Function<EventEnvelope<JsonNode>, Mono<?>> handler = handlers.get(envelope.eventType());
    if (handler == null) {
      log.debug("{} skips {} {}", consumer, envelope.eventType(), envelope.eventId());
      return;
    }
    try {
      // Payload errors surface inside the effect (so they roll back with it); defer builds it lazily.
      Mono<?> effect = Mono.defer(() -> handler.apply(envelope));
      inbox.once(consumer, envelope.eventId(), effect).block(HANDLER_TIMEOUT);
    } catch (MalformedEventException | RejectedEventException e) {
      deadLetter(message, envelope, e);
    }
  }

  private void deadLetter(Message<byte[]> message, @Nullable EventEnvelope<JsonNode> envelope, RuntimeException e) {
    DeadLetter letter = DeadLetter.of(message, envelope, e);
    beforeDeadLetter.apply(letter).block(HANDLER_TIMEOUT);
    deadLetters.send(letter, message.getPayload(), consumer, e);
  }
}
