-- wrk script: GETs BENCH_PATH with {q} replaced by a random query from BENCH_QUERIES
-- (URL-encoded) and {crn} by a random case from BENCH_CRNS, as the BENCH_TOKEN user.
local queries = dofile(os.getenv("BENCH_QUERIES"))
local crns = os.getenv("BENCH_CRNS") and dofile(os.getenv("BENCH_CRNS")) or {}
local path = os.getenv("BENCH_PATH")
local headers = {}
if os.getenv("BENCH_TOKEN") then headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN") end
local function encode(s)
  return (s:gsub("[^%w]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
request = function()
  local q = encode(queries[math.random(#queries)])
  local p = path:gsub("{q}", function() return q end)
  if #crns > 0 then
    local crn = crns[math.random(#crns)]
    p = p:gsub("{crn}", function() return crn end)
  end
  return wrk.format("GET", p, headers)
end
-- BENCH_DELAY_MS: each connection waits that long before each request, for a steady
-- load below the server's capacity rather than as many requests as it can answer.
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "")
if pause then delay = function() return pause end end
