-- wrk script: records a phone contact on a random case from bench/crns.lua.
local crns = dofile(os.getenv("BENCH_CRNS"))
local token = os.getenv("BENCH_TOKEN")
local counter = 0
request = function()
  counter = counter + 1
  local crn = crns[math.random(#crns)]
  return wrk.format("POST", "/api/v1/people/" .. crn .. "/contacts",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" },
    '{"type":"phone","notes":"Benchmark call ' .. counter .. ': rang to confirm the appointment."}')
end
