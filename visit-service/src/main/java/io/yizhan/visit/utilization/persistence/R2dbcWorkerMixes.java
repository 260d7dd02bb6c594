package io.yizhan.visit.utilization.persistence;

import io.yizhan.contracts.visit.WorkerType;
import io.yizhan.visit.utilization.WorkerMixes;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcWorkerMixes implements WorkerMixes {

  private final DatabaseClient db;
  private final TransactionalOperator transactional;

  R2dbcWorkerMixes(DatabaseClient db, TransactionalOperator transactional) {
    this.db = db;
    this.transactional = transactional;
  }

  @Override
  public Mono<Void> save(String district, Map<WorkerType, Double> shares) {
    double sum = shares.values().stream().mapToDouble(Double::doubleValue).sum();
    Mono<Void> replace = db.sql("DELETE FROM district_worker_mix WHERE district = :district")
        .bind("district", district).then()
        .thenMany(Flux.fromIterable(shares.entrySet()).concatMap(e -> db.sql("""
                INSERT INTO district_worker_mix (district, worker_type, share) VALUES (:district, :type, :share)""")
            .bind("district", district)
            .bind("type", e.getKey().name())
            .bind("share", BigDecimal.valueOf(e.getValue() / sum))
            .then()))
        .then();
    return transactional.transactional(replace);
  }

  @Override
  public Mono<Map<String, Map<WorkerType, Double>>> all() {
    return db.sql("SELECT district, worker_type, share FROM district_worker_mix")
        .map(row -> new Object[] {row.get("district", String.class), row.get("worker_type", String.class),
            row.get("share", BigDecimal.class)})
        .all()
        .collect(HashMap::new, (Map<String, Map<WorkerType, Double>> map, Object[] r) ->
            map.computeIfAbsent((String) r[0], d -> new EnumMap<>(WorkerType.class))
                .put(WorkerType.valueOf((String) r[1]), ((BigDecimal) r[2]).doubleValue()));
  }
}
