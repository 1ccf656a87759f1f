-- wrk script for docs/measurements/online-writes.sh. WRK_MODE=deposit posts single-row JSON
-- deposits, each with its own tx id: thread i takes ids from WRK_TX_BASE + i * 100,000,000 on, one
-- after another, so no id repeats across threads, connections or requests; clients go round
-- WRK_CLIENTS ids. WRK_MODE=health gets /actuator/health. Either way each answer is checked (200,
-- and for a deposit "accepted"), and done() prints one line the shell script reads.
local mode = os.getenv("WRK_MODE") or "deposit"
local token = os.getenv("WRK_TOKEN") or "s3cret"
local tx_base = tonumber(os.getenv("WRK_TX_BASE") or "0")
local clients = tonumber(os.getenv("WRK_CLIENTS") or "1000")
local ids_per_thread = 100000000

local threads = {}

function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

function init(args)
  next_tx = tx_base + index * ids_per_thread
  bad = 0
  -- the first few refusals, for the report: "503 503 500"
  bad_statuses = ""
  if mode == "health" then
    wrk.method = "GET"
    wrk.path = "/actuator/health"
  else
    wrk.method = "POST"
    wrk.path = "/transactions"
    wrk.headers["Authorization"] = "Bearer " .. token
    wrk.headers["Content-Type"] = "application/json"
  end
end

function request()
  if mode == "health" then
    return wrk.format()
  end
  local tx = next_tx
  next_tx = next_tx + 1
  local body = string.format('{"type":"deposit","client":%d,"tx":%d,"amount":"1.5"}', tx % clients, tx)
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status ~= 200 or (mode ~= "health" and not string.find(body, '"outcome":"accepted"', 1, true)) then
    bad = bad + 1
    if bad <= 5 then
      bad_statuses = bad_statuses .. " " .. status
    end
  end
end

function done(summary, latency, requests)
  local failed = 0
  local statuses = ""
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("bad")
    statuses = statuses .. thread:get("bad_statuses")
  end
  local seconds = summary.duration / 1e6
  -- rate counts the good answers only: a refusal (503, 429) is quick and would flatter it
  io.write(string.format("RESULT mode=%s requests=%d seconds=%.3f rate=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f"
      .. " not_ok=%d socket_errors=%d first_not_ok=[%s]\n", mode, summary.requests, seconds, (summary.requests - failed) / seconds,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, failed,
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
      statuses))
end
