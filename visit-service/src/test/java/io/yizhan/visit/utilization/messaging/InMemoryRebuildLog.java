package io.yizhan.visit.utilization.messaging;

import io.yizhan.visit.utilization.Rebuild;
import io.yizhan.visit.utilization.RebuildLog;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/** Rebuilds as saved, in order; no migration asks for one. */
class InMemoryRebuildLog implements RebuildLog {

  final List<Rebuild> saved = new ArrayList<>();

  @Override
  public Mono<Void> save(Rebuild rebuild) {
    return Mono.fromRunnable(() -> saved.add(rebuild));
  }

  @Override
  public Mono<Rebuild> latest() {
    return Mono.justOrEmpty(saved.isEmpty() ? null : saved.get(saved.size() - 1));
  }

  @Override
  public Mono<String> requested() {
    return Mono.empty();
  }

  @Override
  public Mono<Void> begun(String requestedBy) {
    return Mono.empty();
  }
}
