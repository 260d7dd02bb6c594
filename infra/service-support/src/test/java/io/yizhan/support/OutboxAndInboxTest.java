package io.yizhan.support;

import static io.yizhan.support.SupportTestApplication.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.EventJson;
import io.yizhan.contracts.Topics;
import io.yizhan.support.SupportTestApplication.NoteWriter;
import io.yizhan.support.SupportTestApplication.NoteWritten;
import io.yizhan.support.inbox.Inbox;
import io.yizhan.support.inbox.InboxProperties;
import io.yizhan.support.kafka.DeadLetters;
import io.yizhan.support.retention.OldRows;
import org.springframework.beans.factory.annotation.Qualifier;
import io.micrometer.core.instrument.MeterRegistry;
import io.yizhan.support.outbox.Outbox;
import io.yizhan.support.outbox.OutboxProperties;
import io.yizhan.support.outbox.OutboxRelay;
import java.util.List;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import io.yizhan.testkit.TopicProbe;
import io.yizhan.testkit.YizhanIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

@YizhanIntegrationTest
class OutboxAndInboxTest {

  @Autowired NoteWriter notes;
  @Autowired Outbox outbox;
  @Autowired DatabaseClient db;
  @Autowired TransactionalOperator transactional;
  @Autowired KafkaTemplate<String, byte[]> kafkaTemplate;
  @Autowired OutboxProperties outboxProperties;
  @Autowired MeterRegistry meters;

  final TopicProbe topic = TopicProbe.onTestBroker();

  @Test
  void a_committed_write_is_published_with_cloud_events_headers_and_marked() {
    String id = "note-" + UUID.randomUUID();
    notes.write(id, "你好", false).block();

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(topic.recordsContaining(TOPIC, id)).hasSize(1));
    ConsumerRecord<String, byte[]> record = topic.recordsContaining(TOPIC, id).get(0);
    assertThat(record.key()).isEqualTo(id);
    assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("note.written");
    assertThat(TopicProbe.header(record, "ce_subject")).isEqualTo(id);
    await().untilAsserted(() -> assertThat(unpublished(id)).isZero());
  }

  @Test
  void a_rolled_back_write_publishes_nothing() {
    String id = "note-" + UUID.randomUUID();
    assertThatThrownBy(() -> notes.write(id, "never", true).block()).hasMessageContaining("boom");

    assertThat(count("SELECT count(*) FROM outbox WHERE message_key = '" + id + "'")).isZero();
    assertThat(count("SELECT count(*) FROM notes WHERE id = '" + id + "'")).isZero();
  }

  @Test
  void appending_outside_a_transaction_is_refused() {
    EventEnvelope<NoteWritten> event = EventEnvelope.of(
        SupportTestApplication.NOTE_WRITTEN, "test", "x", Instant.now(), new NoteWritten("x", "y"));
    assertThatThrownBy(() -> outbox.append(SupportTestApplication.NOTE_WRITTEN, event).block())
        .hasMessageContaining("inside a transaction");
  }

  @Test
  void a_crash_after_publishing_but_before_marking_republishes_and_the_consumer_applies_once() {
    // The first attempt to mark the row fails, as if the process died after Kafka's ack and
    // before the commit: the row stays unpublished and the next round sends it again.
    db.sql("""
        CREATE SEQUENCE mark_attempts;
        CREATE OR REPLACE FUNCTION fail_first_mark() RETURNS trigger AS $$
        BEGIN
          -- nextval survives the rollback the exception causes, so only the first mark fails.
          IF nextval('mark_attempts') = 1 THEN
            RAISE EXCEPTION 'simulated crash before marking';
          END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql;
        CREATE TRIGGER fail_first_mark BEFORE UPDATE ON outbox
          FOR EACH STATEMENT EXECUTE FUNCTION fail_first_mark();
        """).then().block();
    try {
      String id = "note-" + UUID.randomUUID();
      notes.write(id, "twice on the wire", false).block();

      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        assertThat(topic.recordsContaining(TOPIC, id)).hasSize(2);
        assertThat(unpublished(id)).isZero();
      });
      // Both copies carry the same event id; the inbox lets only one through.
      assertThat(topic.recordsContaining(TOPIC, id).stream().map(r -> TopicProbe.header(r, "ce_id")).distinct())
          .hasSize(1);
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
          assertThat(count("SELECT count(*) FROM applied_notes WHERE note_id = '" + id + "'")).isEqualTo(1));
      String later = "note-" + UUID.randomUUID();
      notes.write(later, "after", false).block();
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
          assertThat(count("SELECT count(*) FROM applied_notes WHERE note_id = '" + later + "'")).isEqualTo(1));
      assertThat(count("SELECT count(*) FROM applied_notes WHERE note_id = '" + id + "'")).isEqualTo(1);
    } finally {
      db.sql("DROP TRIGGER fail_first_mark ON outbox").then().block();
    }
  }

  @Test
  void two_relays_on_one_database_publish_each_event_once_and_each_key_in_commit_order() {
    // A second instance of the service, racing the first one's relay for the same rows.
    OutboxRelay secondInstance = new OutboxRelay(db, transactional, kafkaTemplate, outboxProperties, meters);
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> keys = List.of("a-" + run, "b-" + run, "c-" + run);
    Flux<Long> racing = Flux.range(0, 300)
        .concatMap(i -> secondInstance.drain().delayElement(Duration.ofMillis(5)));
    Mono<Void> writes = Flux.range(0, 60)
        .concatMap(i -> notes.write(keys.get(i % 3), keys.get(i % 3) + "/" + String.format("%03d", i), "n", false))
        .then();
    Mono.when(writes, racing.then()).block(Duration.ofSeconds(60));

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(count("SELECT count(*) FROM outbox WHERE published_at IS NULL")).isZero());
    for (String key : keys) {
      List<String> published = topic.records(TOPIC).stream()
          .filter(r -> key.equals(r.key()))
          .map(r -> new String(r.value(), StandardCharsets.UTF_8).replaceAll(".*\"noteId\":\"([^\"]+)\".*", "$1"))
          .toList();
      assertThat(published).hasSize(20).doesNotHaveDuplicates().isSorted();
    }
  }

  @Test
  void malformed_and_rejected_events_go_to_the_dead_letter_topic_with_a_reason_and_the_next_is_applied() {
    String marker = UUID.randomUUID().toString();
    topic.send(TOPIC, "k-" + marker, ("{not json " + marker).getBytes(StandardCharsets.UTF_8));
    String rejected = "note-" + UUID.randomUUID();
    topic.send(TOPIC, rejected, EventJson.write(EventEnvelope.of(
        SupportTestApplication.NOTE_WRITTEN, "test", rejected, Instant.now(), new NoteWritten(rejected, "reject"))));
    String good = "note-" + UUID.randomUUID();
    notes.write(good, "fine", false).block();

    String dlq = Topics.deadLetter(TOPIC);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(topic.recordsContaining(dlq, marker)).hasSize(1);
      assertThat(topic.recordsContaining(dlq, rejected)).hasSize(1);
    });
    ConsumerRecord<String, byte[]> malformed = topic.recordsContaining(dlq, marker).get(0);
    assertThat(TopicProbe.header(malformed, DeadLetters.EXCEPTION_MESSAGE)).startsWith("not JSON");
    assertThat(TopicProbe.header(malformed, DeadLetters.ORIGINAL_TOPIC)).isEqualTo(TOPIC);
    assertThat(malformed.key()).isEqualTo("k-" + marker);
    assertThat(TopicProbe.header(topic.recordsContaining(dlq, rejected).get(0), DeadLetters.EXCEPTION_MESSAGE))
        .isEqualTo("note " + rejected + " is refused");

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(count("SELECT count(*) FROM applied_notes WHERE note_id = '" + good + "'")).isEqualTo(1));
    assertThat(count("SELECT count(*) FROM applied_notes WHERE note_id = '" + rejected + "'")).isZero();
  }

  @Test
  void a_failure_that_outlasts_the_retries_goes_to_the_dead_letter_topic_and_the_next_is_applied() {
    String failing = "note-" + UUID.randomUUID();
    notes.write(failing, "database down", false).block();
    String next = "note-" + UUID.randomUUID();
    notes.write(failing, next, "fine", false).block();

    String dlq = Topics.deadLetter(TOPIC);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(topic.recordsContaining(dlq, failing)).hasSize(1));
    assertThat(TopicProbe.header(topic.recordsContaining(dlq, failing).get(0), DeadLetters.EXCEPTION_MESSAGE))
        .contains("database down for note " + failing);
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(count("SELECT count(*) FROM applied_notes WHERE note_id = '" + next + "'")).isEqualTo(1));
  }

  @Autowired Inbox inbox;
  @Autowired @Qualifier("inboxPruning") OldRows pruning;
  @Autowired @Qualifier("outboxPruning") OldRows outboxPruning;
  @Autowired InboxProperties inboxProperties;

  @Test
  void inbox_rows_older_than_keep_are_pruned_and_recent_ones_still_turn_redeliveries_away() {
    String consumer = "pruning-" + UUID.randomUUID();
    List<UUID> old = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
        UUID.randomUUID());
    UUID recent = UUID.randomUUID();
    Flux.fromIterable(old).concatMap(id -> inbox.once(consumer, id, Mono.empty())).blockLast();
    inbox.once(consumer, recent, Mono.empty()).block();
    db.sql("UPDATE processed_events SET processed_at = now() - make_interval(secs => :seconds) "
            + "WHERE consumer = :consumer AND event_id <> :recent")
        .bind("seconds", (double) inboxProperties.keep().plusMinutes(1).toSeconds())
        .bind("consumer", consumer)
        .bind("recent", recent)
        .then().block();

    // Two rows a statement: the five old ones take three, and none is left behind.
    OldRows twoAtATime = new InboxProperties(inboxProperties.keep(), Duration.ofHours(1), 2)
        .pruning(db, meters, "processed_events", "processed_at");
    assertThat(twoAtATime.prune().block()).isGreaterThanOrEqualTo(5);

    assertThat(count("SELECT count(*) FROM processed_events WHERE consumer = '" + consumer + "'")).isEqualTo(1);
    assertThat(inbox.once(consumer, recent, Mono.error(new AssertionError("applied twice"))).block()).isFalse();
    assertThat(pruning.prune().block()).isZero();
  }

  @Test
  void published_outbox_rows_older_than_kept_are_pruned_and_recent_ones_kept() {
    String old = "note-" + UUID.randomUUID();
    String recent = "note-" + UUID.randomUUID();
    notes.write(old, "旧的", false).block();
    notes.write(recent, "新的", false).block();
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(unpublished(old) + unpublished(recent)).isZero());
    db.sql("UPDATE outbox SET published_at = now() - make_interval(secs => :seconds) WHERE message_key = :key")
        .bind("seconds", (double) outboxProperties.keepPublished().plusMinutes(1).toSeconds())
        .bind("key", old)
        .then().block();

    assertThat(outboxPruning.prune().block()).isGreaterThanOrEqualTo(1);

    assertThat(count("SELECT count(*) FROM outbox WHERE message_key = '" + old + "'")).isZero();
    assertThat(count("SELECT count(*) FROM outbox WHERE message_key = '" + recent + "'")).isEqualTo(1);
  }

  private long unpublished(String key) {
    return count("SELECT count(*) FROM outbox WHERE published_at IS NULL AND message_key = '" + key + "'");
  }

  private long count(String sql) {
    return db.sql(sql).map(row -> row.get(0, Long.class)).one().blockOptional().orElse(0L);
  }
}
