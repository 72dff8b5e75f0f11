-- wrk script: GETs BENCH_PATH (with {crn} replaced by a random case) as BENCH_AUTH.
local crns = dofile(os.getenv("BENCH_CRNS"))
local path = os.getenv("BENCH_PATH")
local headers = {}
if os.getenv("BENCH_TOKEN") then headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN") end
if os.getenv("BENCH_COOKIE") then headers["Cookie"] = os.getenv("BENCH_COOKIE") end
request = function()
  local crn = crns[math.random(#crns)]
  return wrk.format("GET", (path:gsub("{crn}", crn)), headers)
end
-- BENCH_DELAY_MS: each connection waits that long before each request, for a steady
-- load below the server's capacity rather than as many requests as it can answer.
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "")
if pause then delay = function() return pause end end
