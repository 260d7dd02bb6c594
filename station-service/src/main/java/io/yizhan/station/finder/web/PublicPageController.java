package io.yizhan.station.finder.web;

import io.yizhan.contracts.station.StationStatus;
import io.yizhan.contracts.visit.ServiceUsed;
import io.yizhan.contracts.visit.WorkerType;
import io.yizhan.hours.OpenState;
import io.yizhan.hours.OpeningHours;
import io.yizhan.hours.TimeRange;
import io.yizhan.station.registry.Amenity;
import io.yizhan.station.registry.AmenityCatalog;
import io.yizhan.station.registry.Station;
import io.yizhan.station.registry.StationId;
import io.yizhan.station.registry.Stations;
import io.yizhan.support.problem.NotFoundException;
import io.yizhan.support.problem.StationIds;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * A station's public page, the target of the QR code on its door: a phone-sized page in
 * Chinese with what a worker needs, and a one-tap check-in that sends no personal data. And the
 * finder's page for the same phones, to find the nearest station open now.
 */
@RestController
class PublicPageController {

  private static final Resource FINDER_PAGE = new ClassPathResource("pages/find.html");
  private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");
  private static final Map<DayOfWeek, String> DAYS = Map.of(
      DayOfWeek.MONDAY, "周一", DayOfWeek.TUESDAY, "周二", DayOfWeek.WEDNESDAY, "周三", DayOfWeek.THURSDAY, "周四",
      DayOfWeek.FRIDAY, "周五", DayOfWeek.SATURDAY, "周六", DayOfWeek.SUNDAY, "周日");
  /**
   * Who may tap, the most frequent visitors first (the words are {@link WorkerType#label()}, the
   * same on every page).
   */
  private static final List<WorkerType> WORKERS = List.of(WorkerType.SANITATION, WorkerType.COURIER,
      WorkerType.FOOD_DELIVERY, WorkerType.RIDE_HAILING, WorkerType.TAXI_DRIVER, WorkerType.TRAFFIC_POLICE,
      WorkerType.CITY_MANAGEMENT, WorkerType.OTHER);

  private final Stations stations;
  private final AmenityCatalog catalog;
  private final Clock clock;
  private final String publicBaseUrl;

  PublicPageController(Stations stations, AmenityCatalog catalog, Clock clock,
      @Value("${yizhan.public-base-url}") String publicBaseUrl) {
    this.stations = stations;
    this.catalog = catalog;
    this.clock = clock;
    this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
  }

  /**
   * The finder for a worker's phone: a short link for posters and the union's accounts, no app to
   * install. It asks the phone where it is (or takes {@code lat}/{@code lon} from a poster's link,
   * or a district) and calls {@code /api/finder/nearby}.
   */
  @GetMapping(value = "/find", produces = MediaType.TEXT_HTML_VALUE)
  Resource finderPage() {
    return FINDER_PAGE;
  }

  @GetMapping(value = "/s/{id}", produces = MediaType.TEXT_HTML_VALUE)
  Mono<String> page(@PathVariable String id) {
    StationId stationId = new StationId(StationIds.parse("id", id));
    return stations.find(stationId)
        .switchIfEmpty(Mono.error(() -> new NotFoundException("未找到这个站点，二维码可能已过期。")))
        .zipWith(catalog.all())
        .map(found -> render(found.getT1(), found.getT2()));
  }

  /** What the QR code on the station's door holds: the public page's address. */
  @GetMapping("/api/stations/{id}/qr")
  Mono<Map<String, String>> qr(@PathVariable String id) {
    StationId stationId = new StationId(StationIds.parse("id", id));
    return stations.existing(stationId)
        .map(station -> Map.of("payload", publicBaseUrl + "/s/" + station.id(), "publicUrl",
            publicBaseUrl + "/s/" + station.id()));
  }

  private String render(Station s, List<Amenity> catalog) {
    ZonedDateTime now = clock.instant().atZone(OpeningHours.CITY);
    OpenState state = s.status() == StationStatus.ACTIVE ? s.hours().stateAt(now) : new OpenState(false, null, null);
    String openLine = s.status() != StationStatus.ACTIVE ? "暂停服务"
        : state.open() ? (state.until() == null ? "正在开放 · 24 小时" : "正在开放 · 至 " + HOUR_MINUTE.format(state.until()))
        : (state.nextOpen() == null ? "暂未开放" : "已关闭 · " + when(state.nextOpen(), now) + " 开放");
    Map<String, String> names = catalog.stream().collect(Collectors.toMap(Amenity::code, Amenity::nameZh));
    String amenities = s.amenities().stream().map(code -> "<li>" + esc(names.getOrDefault(code, code)) + "</li>")
        .collect(Collectors.joining());
    // Only what this station offers, so the figures by service are not filled with taps on things
    // that are not there.
    String services = Arrays.stream(ServiceUsed.values())
        .filter(service -> service.offeredWith(s.amenities()))
        .map(service -> "<button type=\"button\" aria-pressed=\"false\" data-service=\"" + service + "\">"
            + service.label() + "</button>")
        .collect(Collectors.joining());
    String workers = WORKERS.stream()
        .map(w -> "<button type=\"button\" data-type=\"" + w + "\">" + w.label() + "</button>")
        .collect(Collectors.joining());
    // A worker at a closed door is the demand the hours miss (counted outside hours): ask them in.
    String closedNote = s.status() == StationStatus.ACTIVE && state.open() ? ""
        : "<p class=\"closed\">本站现在没有开放。来了也请签到：工会据此知道哪些时段需要开放，好调整开放时间。</p>";
    double lat = s.location().latitude();
    double lon = s.location().longitude();
    String name = esc(s.name());
    return """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s · 驿站</title>
        <style>
          body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f6f3ee;color:#222}
          header{background:#c8161d;color:#fff;padding:16px}
          h1{font-size:1.3em;margin:0}
          .open{display:inline-block;margin-top:8px;padding:2px 10px;border-radius:12px;background:%s;color:#fff}
          section{background:#fff;margin:12px;padding:12px 16px;border-radius:8px}
          h2{font-size:1em;margin:0 0 8px;color:#c8161d}
          ul{padding-left:1.2em;margin:0;columns:2}
          table{border-collapse:collapse}td{padding:2px 12px 2px 0}
          .workers button{margin:4px;padding:10px 12px;font-size:1em;border:1px solid #c8161d;background:#fff;border-radius:6px}
          .services button{margin:4px;padding:6px 10px;font-size:.95em;border:1px solid #999;background:#fff;border-radius:16px}
          .services button[aria-pressed=true]{border-color:#c8161d;background:#c8161d;color:#fff}
          .nav a{display:inline-block;margin-right:12px}
          #done{color:#2e7d32;font-weight:bold}
          .closed{background:#fff3e0;border-left:4px solid #e65100;padding:6px 10px}
        </style></head>
        <body>
        <header><h1>%s</h1><div class="open">%s</div></header>
        <section><h2>地址</h2><p>%s</p>
          <p class="nav"><a href="https://uri.amap.com/marker?position=%s,%s&coordinate=wgs84&callnative=1">高德地图导航</a>
          <a href="geo:%s,%s">手机地图</a></p>
          <p><a href="/find?lat=%s&amp;lon=%s">附近还有哪些驿站开着？</a></p></section>
        <section><h2>开放时间</h2>%s</section>
        <section><h2>服务设施</h2><ul>%s</ul></section>
        <section><h2>签到（不收集姓名、手机号）</h2>%s
          <p>这次用了哪些服务？（可不选）</p><div class="services">%s</div>
          <p>请选择您的职业，轻点一次即可签到：</p><div class="workers">%s</div><p id="done"></p></section>
        <script>
          document.querySelectorAll('.services button').forEach(function (b) {
            b.onclick = function () { b.setAttribute('aria-pressed', b.getAttribute('aria-pressed') === 'true' ? 'false' : 'true'); };
          });
          document.querySelectorAll('.workers button').forEach(function (b) {
            b.onclick = function () {
              var used = Array.prototype.map.call(document.querySelectorAll('.services button[aria-pressed=true]'),
                  function (x) { return x.dataset.service; });
              fetch('/api/visits', {method: 'POST', headers: {'Content-Type': 'application/json',
                  'Idempotency-Key': '%s-' + Date.now()},
                body: JSON.stringify({stationId: '%s', workerType: b.dataset.type, services: used})})
                .then(function (r) {
                  document.getElementById('done').textContent = r.ok ? '签到成功，欢迎！' : '签到未成功，请稍后再试。';
                  // One visit per tap: no second check-in from an impatient double tap.
                  if (r.ok) { document.querySelectorAll('.workers button, .services button').forEach(function (x) { x.disabled = true; }); }
                })
                .catch(function () {
                  document.getElementById('done').textContent = '网络不通，签到未成功：请稍后再点一次。';
                });
            };
          });
        </script>
        </body></html>
        """.formatted(name, state.open() ? "#2e7d32" : "#757575", name, esc(openLine), esc(s.address()),
        lon, lat, lat, lon, lat, lon, hoursTable(s.hours()), amenities, closedNote, services, workers, s.id(), s.id());
  }

  private static String when(ZonedDateTime next, ZonedDateTime now) {
    long days = java.time.temporal.ChronoUnit.DAYS.between(now.toLocalDate(), next.toLocalDate());
    String day = days == 0 ? "今天" : days == 1 ? "明天" : DAYS.get(next.getDayOfWeek());
    return day + " " + HOUR_MINUTE.format(next);
  }

  private static String hoursTable(OpeningHours hours) {
    if (hours.alwaysOpen()) {
      return "<p>24 小时开放</p>";
    }
    Function<List<TimeRange>, String> ranges = list -> list.isEmpty() ? "休息"
        : list.stream().map(TimeRange::toString).collect(Collectors.joining("，"));
    StringBuilder table = new StringBuilder("<table>");
    for (DayOfWeek day : DayOfWeek.values()) {
      table.append("<tr><td>").append(DAYS.get(day)).append("</td><td>")
          .append(esc(ranges.apply(hours.weekly().getOrDefault(day, List.of())))).append("</td></tr>");
    }
    hours.exceptions().forEach(e -> table.append("<tr><td>").append(e.date()).append("</td><td>")
        .append(esc(ranges.apply(e.ranges()) + (e.reason().isBlank() ? "" : "（" + e.reason() + "）")))
        .append("</td></tr>"));
    return table.append("</table>").toString();
  }

  private static String esc(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }
}
