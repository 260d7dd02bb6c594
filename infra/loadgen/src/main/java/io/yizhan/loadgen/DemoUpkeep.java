package io.yizhan.loadgen;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's station managers at work. Without them a demo left running a day shows every
 * station's daily cleaning overdue at once and tells 1,500 managers so; with them, each manager
 * records a task a little before it falls due, except at about one station in fifteen, where
 * the manager changed and upkeep lapsed (the report's complaint): those are what the unions'
 * overdue report and the escalations show, from the demo's second day (a station's tasks fall
 * due one interval after it was registered). Once, the past 90 days' activities are logged, in
 * season, so that a station's activities have something to show.
 */
final class DemoUpkeep {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** How often the managers look at what is due. */
  static final Duration ROUND = Duration.ofMinutes(1);

  /** A station as the managers need it: who records, and whether it is a full station (more activities). */
  record Station(String id, String manager, boolean careStation) {}

  /** One recurring task of one station and when it falls due next. */
  static final class Task {
    final Station station;
    final String code;
    final Duration interval;
    Instant dueAt;

    Task(Station station, String code, Duration interval, Instant dueAt) {
      this.station = station;
      this.code = code;
      this.interval = interval;
      this.dueAt = dueAt;
    }
  }

  /** An activity as {@code POST /api/stations/{id}/activities} takes it. */
  record PlannedActivity(String kind, String title, LocalDate heldOn, int participants) {}

  private final List<Station> stations;

  private DemoUpkeep(List<Station> stations) {
    this.stations = stations;
  }

  static DemoUpkeep forListedStations(HttpClient http, String base) throws Exception {
    List<Station> stations = new ArrayList<>();
    for (JsonNode s : DemoCity.listed(http, base)) {
      stations.add(new Station(s.get("id").asString(), s.path("manager").path("name").asString("站点管理员"),
          "CARE_STATION".equals(s.path("kind").asString())));
    }
    return new DemoUpkeep(stations);
  }

  /**
   * Whether this station lets this task lapse: about one station in thirty-three lets all of
   * them (a new manager nobody told), one task in a hundred elsewhere lapses on its own. Fixed
   * per station and task, so that the same stations stay overdue and climb the tiers.
   */
  static boolean lapses(String stationId, String task) {
    return Math.floorMod(stationId.hashCode() * 31 + 17, 100) < 3
        || Math.floorMod((stationId + "/" + task).hashCode(), 100) < 1;
  }

  /**
   * How long before a task falls due its manager does it: between a forty-eighth and a twelfth
   * of its interval (half an hour to two hours for the daily cleaning), different per station,
   * so that the city's managers do not all record in the same minute.
   */
  static Duration lead(String stationId, Duration interval) {
    int share = Math.floorMod(stationId.hashCode(), 1000);
    return interval.dividedBy(48).plus(interval.dividedBy(16).multipliedBy(share).dividedBy(1000));
  }

  static boolean doNow(Task task, Instant now) {
    return !lapses(task.station.id(), task.code) && !now.isBefore(task.dueAt.minus(lead(task.station.id(), task.interval)));
  }

  /**
   * A station's activities of the {@code days} before {@code today}, in season: summer cooling
   * until mid-September, winter warmth from mid-November, a holiday meal around New Year's Day,
   * Labour Day and National Day; clinics, legal aid, skills, model workers' visits and joining
   * the union the rest of the year. A care station holds two to five, a service point up to two.
   */
  static List<PlannedActivity> activities(Station station, LocalDate today, int days) {
    Random random = new Random(station.id().hashCode());
    int count = station.careStation() ? 2 + random.nextInt(4) : random.nextInt(3);
    List<PlannedActivity> planned = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      LocalDate day = today.minusDays(1 + random.nextInt(days));
      planned.add(activityOn(day, random));
    }
    return planned;
  }

  private static PlannedActivity activityOn(LocalDate day, Random random) {
    int participants = 10 + random.nextInt(70);
    MonthDay date = MonthDay.from(day);
    for (MonthDay holiday : List.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(10, 1))) {
      // The year's, or the next year's for the last days of December.
      long daysAway = Math.min(Math.abs(holiday.atYear(day.getYear()).toEpochDay() - day.toEpochDay()),
          Math.abs(holiday.atYear(day.getYear() + 1).toEpochDay() - day.toEpochDay()));
      if (daysAway <= 3 && random.nextDouble() < 0.7) {
        String title = switch (holiday.getMonthValue()) {
          case 1 -> "元旦送饺子：给坚守岗位的户外劳动者";
          case 5 -> "五一劳动节送餐：致敬劳动者";
          default -> "国庆节日送餐：热饭热汤进驿站";
        };
        return new PlannedActivity("HOLIDAY_MEAL", title, day, participants);
      }
    }
    if (date.isAfter(MonthDay.of(6, 30)) && date.isBefore(MonthDay.of(9, 16)) && random.nextDouble() < 0.6) {
      return new PlannedActivity("SUMMER_COOLING", "夏送清凉：绿豆汤、藿香正气水和毛巾", day, participants);
    }
    if ((date.isAfter(MonthDay.of(11, 14)) || date.isBefore(MonthDay.of(3, 1))) && random.nextDouble() < 0.6) {
      return new PlannedActivity("WINTER_WARMTH", "冬送温暖：姜茶、手套和护手霜", day, participants);
    }
    return switch (random.nextInt(6)) {
      case 0 -> new PlannedActivity("FREE_CLINIC", "社区医院义诊：量血压、测血糖", day, participants);
      case 1 -> new PlannedActivity("LEGAL_AID", "律师进站：劳动合同与工伤维权咨询", day, participants / 3 + 5);
      case 2 -> new PlannedActivity("JOB_SKILLS", "技能课堂：电动车安全与维护", day, participants);
      case 3 -> new PlannedActivity("MODEL_WORKER_VISIT", "劳模工匠进站点：座谈与慰问", day, participants);
      case 4 -> new PlannedActivity("UNION_JOINING", "新就业形态劳动者入会服务日", day, participants);
      default -> new PlannedActivity("GIFTS", "慰问品发放：雨衣、充电宝", day, participants);
    };
  }

  /**
   * Logs every station's past activities, unless the first station has some already (a demo
   * started before): activities have no id of the sender's, so a second run would log them twice.
   */
  void logActivities(HttpClient http, String base, int days) throws Exception {
    HttpResponse<String> first = http.send(authorized(base + "/api/stations/" + stations.get(0).id() + "/activities?limit=1")
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    if (first.statusCode() == 200 && !JSON.readTree(first.body()).isEmpty()) {
      System.out.println("演示活动已存在，跳过。Demo activities are already there.");
      return;
    }
    LocalDate today = LocalDate.now(DemoVisits.CITY);
    int logged = 0;
    for (Station station : stations) {
      for (PlannedActivity activity : activities(station, today, days)) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", activity.kind());
        body.put("title", activity.title());
        body.put("heldOn", activity.heldOn().toString());
        body.put("participants", activity.participants());
        body.put("by", "站点管理员 " + station.manager());
        HttpResponse<String> answer = http.send(authorized(base + "/api/stations/" + station.id() + "/activities")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(),
            HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 201) {
          logged++;
        } else if (answer.statusCode() != 409) {
          // 409: a revoked station, which logs nothing more. Anything else is the demo's own fault.
          throw new IllegalStateException("activity not logged: " + answer.statusCode() + " " + answer.body());
        }
      }
    }
    System.out.printf("演示活动 demo activities: %d logged at %d stations.%n", logged, stations.size());
  }

  /** Reads each station's tasks, then records what falls due, round after round, until interrupted. */
  void keepUp(HttpClient http, String base) throws InterruptedException {
    List<Task> tasks = new ArrayList<>();
    List<Station> unread = new ArrayList<>(stations);
    boolean told = false;
    while (!Thread.currentThread().isInterrupted()) {
      // A station whose tasks could not be read (the platform restarting) is read again next round.
      try {
        unread.removeIf(station -> readTasks(http, base, station, tasks));
      } catch (IllegalStateException noToken) {
        System.err.println("demo upkeep: " + noToken.getMessage());
      }
      if (!told && unread.isEmpty()) {
        long lapsing = tasks.stream().filter(t -> lapses(t.station.id(), t.code)).count();
        System.out.printf("演示维护 demo upkeep: %d tasks at %d stations kept up, %d left to lapse.%n",
            tasks.size() - lapsing, stations.size(), lapsing);
        told = true;
      }
      Instant now = Instant.now();
      try {
        for (Task task : tasks) {
          if (doNow(task, now)) {
            record(http, base, task, now);
          }
        }
      } catch (IllegalStateException noToken) {
        // The token issuer is restarting with the platform: the tasks stay due for the next round.
        System.err.println("demo upkeep: " + noToken.getMessage());
      }
      Thread.sleep(ROUND.toMillis());
    }
  }

  /** Adds the station's tasks, with when each falls due; false when they could not be read now. */
  private static boolean readTasks(HttpClient http, String base, Station station, List<Task> tasks) {
    HttpResponse<String> answer = send(http, authorized(base + "/api/stations/" + station.id() + "/maintenance?records=1")
        .GET().build());
    if (answer == null || answer.statusCode() >= 500 || answer.statusCode() == 401) {
      return false;
    }
    if (answer.statusCode() == 200) {
      for (JsonNode t : JSON.readTree(answer.body()).path("tasks")) {
        tasks.add(new Task(station, t.get("task").asString(), Duration.ofDays(t.get("intervalDays").asLong()),
            Instant.parse(t.get("dueAt").asString())));
      }
    }
    return true;
  }

  private static void record(HttpClient http, String base, Task task, Instant now) {
    Map<String, Object> body = Map.of("task", task.code, "by", "站点管理员 " + task.station.manager());
    HttpResponse<String> answer = send(http, authorized(base + "/api/stations/" + task.station.id() + "/maintenance")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build());
    if (answer == null || answer.statusCode() >= 500 || answer.statusCode() == 401) {
      return; // the task stays due and is recorded next round
    }
    // Anything else but 201 is a revoked or removed station, whose manager records nothing more:
    // look again in a day, in case it is reinstated.
    task.dueAt = now.plus(answer.statusCode() == 201 ? task.interval : Duration.ofDays(1));
  }

  /**
   * Sends, and answers null when the platform did not answer (it is restarting). On a 401 the
   * city's token has expired (they last 8 hours, and a demo runs for days): the next call asks
   * for a new one.
   */
  private static @Nullable HttpResponse<String> send(HttpClient http, HttpRequest request) {
    try {
      HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() == 401) {
        Credentials.forget(Credentials.CITY_ADMIN);
      }
      return answer;
    } catch (java.io.IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static HttpRequest.Builder authorized(String uri) {
    return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
        .header("Authorization", Credentials.bearer(Credentials.CITY_ADMIN));
  }
}
