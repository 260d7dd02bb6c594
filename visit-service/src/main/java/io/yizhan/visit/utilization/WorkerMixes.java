package io.yizhan.visit.utilization;

import io.yizhan.contracts.visit.WorkerType;
import java.util.Map;
import reactor.core.publisher.Mono;

/** The expected mix of outdoor workers per district, which visitors are compared against. */
public interface WorkerMixes {

  /** Replaces the district's mix; shares are normalised to add up to 1. */
  Mono<Void> save(String district, Map<WorkerType, Double> shares);

  /** Every district's mix on record; a district without one is absent. */
  Mono<Map<String, Map<WorkerType, Double>>> all();

  /** The new-economy share a mix expects (couriers, food delivery, ride-hailing). */
  static double newEconomyShare(Map<WorkerType, Double> mix) {
    return mix.entrySet().stream().filter(e -> e.getKey().isNewEmploymentForm()).mapToDouble(Map.Entry::getValue).sum();
  }
}
