package io.yizhan.visit.checkin.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecentlyStoredTest {

  final RecentlyStored recent = new RecentlyStored(3);
  final UUID a = UUID.randomUUID();
  final UUID b = UUID.randomUUID();
  final UUID c = UUID.randomUUID();
  final UUID d = UUID.randomUUID();
  final UUID x = UUID.randomUUID();

  @Test
  void answers_only_ids_stored_here_and_each_of_them_once() {
    recent.addAll(List.of(a, b));

    assertThat(recent.take(List.of(a, x, b))).containsExactlyInAnyOrder(a, b);
    assertThat(recent.take(List.of(a, b))).as("a second copy in the log is asked about").isEmpty();
    assertThat(recent.size()).isZero();
  }

  @Test
  void forgets_the_oldest_when_full() {
    recent.addAll(List.of(a, b));
    recent.addAll(List.of(c, d));

    assertThat(recent.size()).isEqualTo(3);
    assertThat(recent.take(List.of(a, b, c, d))).containsExactlyInAnyOrder(b, c, d);
  }

  @Test
  void after_a_restore_from_a_backup_answers_nothing_until_stored_again() {
    recent.addAll(List.of(a, b));
    recent.clear();

    assertThat(recent.take(List.of(a, b))).as("the restored table may lack them: asked about").isEmpty();
    recent.addAll(List.of(c));
    assertThat(recent.take(List.of(c))).containsExactly(c);
  }
}
