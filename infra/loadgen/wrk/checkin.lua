-- Single QR check-ins for wrk (closed loop: each connection sends its next check-in when the
-- last one is answered), every one a new visit with its own Idempotency-Key.
--
--   STATION=<a station id> wrk -t1 -c16 -d30s --latency -s infra/loadgen/wrk/checkin.lua \
--     http://localhost:8080/api/visits
--
-- wrk costs a fraction of the CPU Java's HttpClient does, which matters when the load generator
-- shares two cores with the platform (docs/benchmarks.md, session 5).
local station = os.getenv("STATION") or error("set STATION to the id of a listed station")
local run = tostring(os.time()) .. "-" .. tostring(math.random(1, 1000000000))
local n = 0

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"stationId":"' .. station .. '","workerType":"FOOD_DELIVERY","services":["WATER"]}'

request = function()
  n = n + 1
  wrk.headers["Idempotency-Key"] = "wrk-" .. run .. "-" .. n
  return wrk.format()
end

-- wrk counts answers with a status of 400 or more as status errors: print them with the others.
done = function(summary, latency, requests)
  io.write(string.format("check-ins answered: %d, errors: connect %d, read %d, write %d, status %d, timeout %d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout))
end
