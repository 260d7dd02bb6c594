package io.yizhan.support.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupNotEmptyException;

/**
 * What a replay needs of the broker (a rebuild, a restoration): a topic's partitions, their
 * offsets at the beginning, the end or a time, where a consumer group stands, and moving the group,
 * which Kafka allows only while the group has no member: the caller stops its consumer first.
 */
public final class GroupOffsets {

  private final Admin admin;
  private final Duration timeout;

  public GroupOffsets(Admin admin, Duration timeout) {
    this.admin = admin;
    this.timeout = timeout;
  }

  public List<TopicPartition> partitions(String topic) throws Exception {
    return admin.describeTopics(List.of(topic)).allTopicNames()
        .get(timeout.toSeconds(), TimeUnit.SECONDS)
        .get(topic).partitions().stream()
        .map(p -> new TopicPartition(topic, p.partition()))
        .toList();
  }

  /**
   * Each partition's offset by {@code spec}; by a time ({@link OffsetSpec#forTimestamp}), the
   * first record written at or after it, or -1 where none was.
   */
  public Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
    ListOffsetsResult result = admin.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec)));
    Map<TopicPartition, Long> offsets = new HashMap<>();
    for (TopicPartition p : partitions) {
      offsets.put(p, result.partitionResult(p).get(timeout.toSeconds(), TimeUnit.SECONDS).offset());
    }
    return offsets;
  }

  /** The offsets the group committed on this topic, by partition number; none where it committed none. */
  public Map<Integer, Long> committed(String group, String topic) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata().get(timeout.toSeconds(), TimeUnit.SECONDS);
    Map<Integer, Long> offsets = new HashMap<>();
    committed.forEach((p, o) -> {
      if (o != null && topic.equals(p.topic())) {
        offsets.put(p.partition(), o.offset());
      }
    });
    return offsets;
  }

  /** Moves the group; a consumer just stopped may take a moment to leave it, so this waits for that. */
  public void move(String group, Map<TopicPartition, Long> offsets) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> target = offsets.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        admin.alterConsumerGroupOffsets(group, target).all().get(timeout.toSeconds(), TimeUnit.SECONDS);
        return;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof GroupNotEmptyException) || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }
}
