-- wrk script for bench/overhead.sh: POSTs one JSON body on every request and prints a single
-- machine-readable WRK_RESULT line when the run ends, so the shell script never parses wrk's prose.
--
--   WRK_BODY_FILE=body.json [WRK_AUTH="Bearer sk-..."] wrk -t1 -c256 -d15s -s post.lua http://127.0.0.1:8080/v1/chat/completions

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local path = assert(os.getenv("WRK_BODY_FILE"), "set WRK_BODY_FILE to the request body")
local file = assert(io.open(path, "rb"))
wrk.body = file:read("*a")
file:close()

local auth = os.getenv("WRK_AUTH")
if auth and auth ~= "" then
  wrk.headers["Authorization"] = auth
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "WRK_RESULT requests=%d duration_us=%d connect=%d read=%d write=%d timeout=%d non2xx=%d p50_us=%d p90_us=%d p99_us=%d\n",
    summary.requests, summary.duration, e.connect, e.read, e.write, e.timeout, e.status,
    latency:percentile(50), latency:percentile(90), latency:percentile(99)))
end
