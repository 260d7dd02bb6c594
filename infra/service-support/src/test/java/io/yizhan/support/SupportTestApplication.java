package io.yizhan.support;

import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.EventType;
import io.yizhan.support.kafka.EventConsumers;
import io.yizhan.support.kafka.RejectedEventException;
import io.yizhan.support.outbox.Outbox;
import java.time.Instant;
import java.util.function.Consumer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** A minimal service: writes notes with an event, and applies note events it consumes. */
@SpringBootApplication
class SupportTestApplication {

  static final String TOPIC = "support-test.events.v1";
  static final EventType<NoteWritten> NOTE_WRITTEN = new EventType<>("note.written", 1, TOPIC, NoteWritten.class);

  record NoteWritten(String noteId, String text) {}

  /** Writes a note and its event in one transaction; {@code failAfter} rolls both back. */
  @Bean
  NoteWriter noteWriter(DatabaseClient db, Outbox outbox, TransactionalOperator tx) {
    return (key, id, text, failAfter) -> tx.transactional(
        db.sql("INSERT INTO notes (id, text) VALUES (:id, :text)").bind("id", id).bind("text", text).then()
            .then(outbox.append(NOTE_WRITTEN,
                EventEnvelope.of(NOTE_WRITTEN, "support-test", key, Instant.now(), new NoteWritten(id, text))))
            .then(failAfter ? Mono.error(new IllegalStateException("boom")) : Mono.empty()));
  }

  interface NoteWriter {
    /** @param key the event's subject, hence its Kafka key */
    Mono<Void> write(String key, String id, String text, boolean failAfter);

    default Mono<Void> write(String id, String text, boolean failAfter) {
      return write(id, id, text, failAfter);
    }
  }

  /**
   * Applies each note event once; a note whose text is "reject" is refused for good, one whose
   * text is "database down" fails every time as a lasting transient failure would.
   */
  @Bean
  Consumer<Message<byte[]>> notes(DatabaseClient db, EventConsumers consumers) {
    return consumers.named("notes")
        .on(NOTE_WRITTEN, event -> "reject".equals(event.data().text())
            ? Mono.error(new RejectedEventException("note " + event.data().noteId() + " is refused"))
            : "database down".equals(event.data().text())
            ? Mono.error(new IllegalStateException("database down for note " + event.data().noteId()))
            : db.sql("INSERT INTO applied_notes (note_id, text) VALUES (:id, :text)")
                .bind("id", event.data().noteId())
                .bind("text", event.data().text())
                .then())
        .build();
  }
}
