package io.yizhan.station.registry.persistence;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.EventJson;
import io.yizhan.contracts.station.AreaType;
import io.yizhan.contracts.station.BuildMode;
import io.yizhan.contracts.station.Contact;
import io.yizhan.contracts.station.StationHoursChanged;
import io.yizhan.contracts.station.StationKind;
import io.yizhan.contracts.station.StationRegistered;
import io.yizhan.contracts.station.StationStatus;
import io.yizhan.contracts.station.StationStatusChanged;
import io.yizhan.contracts.station.StationUpdated;
import io.yizhan.hours.StoredHours;
import io.yizhan.hours.OpeningHours;
import io.yizhan.station.registry.GeoPoint;
import io.yizhan.station.registry.ResponsibilityChain;
import io.yizhan.station.registry.Station;
import io.yizhan.station.registry.StationId;
import io.yizhan.station.registry.Stations;
import io.yizhan.station.registry.StatusChange;
import io.yizhan.station.registry.messaging.StationEvents;
import io.yizhan.support.outbox.Outbox;
import io.yizhan.support.problem.ConflictException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Repository
class R2dbcStations implements Stations {

  private static final String COLUMNS = """
      id, name, kind, build_mode, partner, district, area_type, address, latitude, longitude, capacity,
      contact_phone, photo_urls, hours, amenities, manager_name, manager_phone, regional_head_name,
      regional_head_phone, district_chief_name, district_chief_phone, status, version, registered_at""";

  private final DatabaseClient db;
  private final Outbox outbox;
  private final TransactionalOperator transactional;
  private final Clock clock;

  R2dbcStations(DatabaseClient db, Outbox outbox, TransactionalOperator transactional, Clock clock) {
    this.db = db;
    this.outbox = outbox;
    this.transactional = transactional;
    this.clock = clock;
  }

  @Override
  public Mono<Station> register(Station s) {
    return transactional.transactional(insert(s));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Two statements whatever the number: the stations as one JSON array of rows, and their
   * events through {@link Outbox#appendAll}. With a statement per station and per event, a
   * district's file of 5,000 took 5.3–8.5 s on an idle 2-core devstack; now 3.5–5.3 s
   * (docs/benchmarks.md, session 12).
   */
  @Override
  public Mono<Void> registerAll(List<Station> stations) {
    if (stations.isEmpty()) {
      return Mono.empty();
    }
    Mono<Void> insert = db.sql("INSERT INTO stations (" + COLUMNS + ") SELECT " + COLUMNS
            + " FROM jsonb_populate_recordset(NULL::stations, CAST(:rows AS jsonb))")
        .bind("rows", rows(stations))
        .then();
    List<EventEnvelope<StationRegistered>> events = stations.stream().map(StationEvents::registered).toList();
    return transactional.transactional(insert.then(outbox.appendAll(StationRegistered.TYPE, events)));
  }

  /** The stations as rows of the stations table, each a JSON object keyed by column name. */
  private static String rows(List<Station> stations) {
    JsonMapper mapper = EventJson.mapper();
    ArrayNode rows = mapper.createArrayNode();
    for (Station s : stations) {
      ObjectNode row = rows.addObject()
          .put("id", s.id().value().toString())
          .put("name", s.name())
          .put("kind", s.kind().name())
          .put("build_mode", s.buildMode() == null ? null : s.buildMode().name())
          .put("partner", s.partner())
          .put("district", s.district())
          .put("area_type", s.areaType() == null ? null : s.areaType().name())
          .put("address", s.address())
          .put("latitude", s.location().latitude())
          .put("longitude", s.location().longitude())
          .put("capacity", s.capacity())
          .put("contact_phone", s.contactPhone())
          .put("status", s.status().name())
          .put("version", s.version())
          .put("registered_at", s.registeredAt().toString());
      putContact(row, "manager", s.chain().manager());
      putContact(row, "regional_head", s.chain().regionalHead());
      putContact(row, "district_chief", s.chain().districtChief());
      s.photoUrls().forEach(row.putArray("photo_urls")::add);
      s.amenities().forEach(row.putArray("amenities")::add);
      row.set("hours", mapper.readTree(StoredHours.write(s.hours())));
    }
    return mapper.writeValueAsString(rows);
  }

  private static void putContact(ObjectNode row, String prefix, @Nullable Contact contact) {
    row.put(prefix + "_name", contact == null ? null : contact.name())
        .put(prefix + "_phone", contact == null ? null : contact.phone());
  }

  /** The station's row and its registration event; the caller provides the transaction. */
  private Mono<Station> insert(Station s) {
    GenericExecuteSpec insert = db.sql("INSERT INTO stations (" + COLUMNS + """
            ) VALUES (:id, :name, :kind, :buildMode, :partner, :district, :areaType, :address, :latitude,
                      :longitude, :capacity, :contactPhone, :photoUrls, :hours, :amenities, :managerName,
                      :managerPhone, :regionalHeadName, :regionalHeadPhone, :districtChiefName,
                      :districtChiefPhone, :status, :version, :registeredAt)""")
        .bind("id", s.id().value())
        .bind("hours", json(s.hours()))
        .bind("status", s.status().name())
        .bind("version", s.version())
        .bind("registeredAt", s.registeredAt().atOffset(ZoneOffset.UTC));
    return details(insert, s).then()
        .then(outbox.append(StationRegistered.TYPE, StationEvents.registered(s)))
        .thenReturn(s);
  }

  @Override
  public Mono<Station> changeHours(Station changed) {
    Mono<Void> update = db.sql("UPDATE stations SET hours = :hours, version = :version WHERE id = :id AND version = :previous")
        .bind("hours", json(changed.hours()))
        .bind("version", changed.version())
        .bind("id", changed.id().value())
        .bind("previous", changed.version() - 1)
        .fetch().rowsUpdated()
        .flatMap(rows -> rows == 1 ? Mono.<Void>empty() : Mono.error(concurrentChange(changed)));
    return transactional.transactional(update
        .then(outbox.append(StationHoursChanged.TYPE, StationEvents.hoursChanged(changed, clock.instant())))
        .thenReturn(changed));
  }

  @Override
  public Mono<Station> update(Station s, String by) {
    GenericExecuteSpec update = db.sql("""
            UPDATE stations SET name = :name, kind = :kind, build_mode = :buildMode, partner = :partner,
                   district = :district, area_type = :areaType, address = :address, latitude = :latitude,
                   longitude = :longitude, capacity = :capacity, contact_phone = :contactPhone,
                   photo_urls = :photoUrls, amenities = :amenities, manager_name = :managerName,
                   manager_phone = :managerPhone, regional_head_name = :regionalHeadName,
                   regional_head_phone = :regionalHeadPhone, district_chief_name = :districtChiefName,
                   district_chief_phone = :districtChiefPhone, version = :version
             WHERE id = :id AND version = :previous""")
        .bind("id", s.id().value())
        .bind("previous", s.version() - 1)
        .bind("version", s.version());
    Mono<Void> stored = details(update, s).fetch().rowsUpdated()
        .flatMap(rows -> rows == 1 ? Mono.<Void>empty() : Mono.error(concurrentChange(s)));
    return transactional.transactional(stored
        .then(outbox.append(StationUpdated.TYPE, StationEvents.updated(s, by, clock.instant())))
        .thenReturn(s));
  }

  @Override
  public Mono<Station> changeStatus(Station changed, StatusChange change) {
    Mono<Void> update = db.sql("UPDATE stations SET status = :status, version = :version WHERE id = :id AND version = :previous")
        .bind("status", changed.status().name())
        .bind("version", changed.version())
        .bind("id", changed.id().value())
        .bind("previous", changed.version() - 1)
        .fetch().rowsUpdated()
        .flatMap(rows -> rows == 1 ? Mono.<Void>empty() : Mono.error(concurrentChange(changed)));
    Mono<Void> history = db.sql("""
            INSERT INTO station_status_history (station_id, version, from_status, to_status, changed_by, reason, changed_at)
            VALUES (:id, :version, :from, :to, :by, :reason, :at)""")
        .bind("id", changed.id().value())
        .bind("version", changed.version())
        .bind("from", change.from().name())
        .bind("to", change.to().name())
        .bind("by", change.by())
        .bind("reason", change.reason())
        .bind("at", change.at().atOffset(ZoneOffset.UTC))
        .then();
    return transactional.transactional(update.then(history)
        .then(outbox.append(StationStatusChanged.TYPE, StationEvents.statusChanged(changed, change)))
        .thenReturn(changed));
  }

  @Override
  public Mono<Station> find(StationId id) {
    return db.sql("SELECT " + COLUMNS + " FROM stations WHERE id = :id")
        .bind("id", id.value())
        .map(R2dbcStations::station)
        .one();
  }

  @Override
  public Flux<Station> inDistrict(String district, int limit) {
    return db.sql("SELECT " + COLUMNS + " FROM stations WHERE district = :district ORDER BY name LIMIT :limit")
        .bind("district", district)
        .bind("limit", limit)
        .map(R2dbcStations::station)
        .all();
  }

  @Override
  public Flux<Station> all(int limit) {
    return db.sql("SELECT " + COLUMNS + " FROM stations ORDER BY district, name LIMIT :limit")
        .bind("limit", limit)
        .map(R2dbcStations::station)
        .all();
  }

  @Override
  public Flux<Station> everything() {
    return db.sql("SELECT " + COLUMNS + " FROM stations").map(R2dbcStations::station).all();
  }

  /** Binds the details a registration and an edit both write (all but identity, hours, status, version). */
  private static GenericExecuteSpec details(GenericExecuteSpec spec, Station s) {
    GenericExecuteSpec bound = spec
        .bind("name", s.name())
        .bind("kind", s.kind().name())
        .bind("district", s.district())
        .bind("address", s.address())
        .bind("latitude", s.location().latitude())
        .bind("longitude", s.location().longitude())
        .bind("capacity", s.capacity())
        .bind("photoUrls", s.photoUrls().toArray(String[]::new))
        .bind("amenities", s.amenities().toArray(String[]::new))
        .bind("managerName", s.chain().manager().name())
        .bind("managerPhone", s.chain().manager().phone());
    bound = nullable(bound, "buildMode", s.buildMode() == null ? null : s.buildMode().name());
    bound = nullable(bound, "areaType", s.areaType() == null ? null : s.areaType().name());
    bound = nullable(bound, "partner", s.partner());
    bound = nullable(bound, "contactPhone", s.contactPhone());
    bound = contact(bound, "regionalHead", s.chain().regionalHead());
    return contact(bound, "districtChief", s.chain().districtChief());
  }

  private static ConflictException concurrentChange(Station changed) {
    return new ConflictException("站点信息刚被他人修改。请重新读取站点，核对后再提交。");
  }

  private static Json json(OpeningHours hours) {
    return Json.of(StoredHours.write(hours));
  }

  private static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, @Nullable String value) {
    return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
  }

  private static GenericExecuteSpec contact(GenericExecuteSpec spec, String prefix, @Nullable Contact contact) {
    return nullable(nullable(spec, prefix + "Name", contact == null ? null : contact.name()),
        prefix + "Phone", contact == null ? null : contact.phone());
  }

  private static Station station(Readable row) {
    Json hours = row.get("hours", Json.class);
    OpeningHours openingHours = hours == null ? null : StoredHours.read(hours.asString());
    return new Station(
        new StationId(row.get("id", UUID.class)),
        row.get("name", String.class),
        StationKind.valueOf(row.get("kind", String.class)),
        enumOrNull(BuildMode.class, row.get("build_mode", String.class)),
        row.get("partner", String.class),
        row.get("district", String.class),
        enumOrNull(AreaType.class, row.get("area_type", String.class)),
        row.get("address", String.class),
        new GeoPoint(row.get("latitude", Double.class), row.get("longitude", Double.class)),
        row.get("capacity", Integer.class),
        row.get("contact_phone", String.class),
        Arrays.asList(row.get("photo_urls", String[].class)),
        openingHours == null ? OpeningHours.unknown() : openingHours,
        Arrays.asList(row.get("amenities", String[].class)),
        new ResponsibilityChain(
            new Contact(row.get("manager_name", String.class), row.get("manager_phone", String.class)),
            contactOrNull(row.get("regional_head_name", String.class), row.get("regional_head_phone", String.class)),
            contactOrNull(row.get("district_chief_name", String.class), row.get("district_chief_phone", String.class))),
        StationStatus.valueOf(row.get("status", String.class)),
        row.get("version", Long.class),
        row.get("registered_at", OffsetDateTime.class).toInstant());
  }

  private static @Nullable Contact contactOrNull(@Nullable String name, @Nullable String phone) {
    return name == null || phone == null ? null : new Contact(name, phone);
  }

  private static <E extends Enum<E>> @Nullable E enumOrNull(Class<E> type, @Nullable String value) {
    return value == null ? null : Enum.valueOf(type, value);
  }
}
