-- wrk script: records BENCH_COUNT contacts on case BENCH_CRN through the API, spread
-- over the last twenty years, so that case-history search can be measured on a case
-- with a long history (issue #7 asks for 5,000 contacts; the demo data caps a case at a
-- few hundred). Run with one thread: the count is per thread, and the thread stops once
-- that many have been answered. Notes are composed from pieces the way practitioners
-- write them, so common words (appointment, housing) match often and others rarely.
local crn = os.getenv("BENCH_CRN")
local wanted = tonumber(os.getenv("BENCH_COUNT"))
local headers = { ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN"), ["Content-Type"] = "application/json" }

local types = { "office_visit", "office_visit", "office_visit", "phone", "phone", "home_visit", "video", "email", "letter", "text", "other" }
local openings = {
  office_visit = { "Reported to the office on time.", "Seen in the office for a supervision appointment.", "Office visit; arrived twenty minutes late." },
  phone = { "Phone call to check on progress.", "Rang to confirm the next appointment.", "Returned a missed call from earlier in the week." },
  home_visit = { "Home visit to the address with a colleague.", "Unannounced home visit; answered the door after a few minutes." },
  video = { "Video call in place of the office appointment (illness reported)." },
  email = { "Email sent with the appointment letter attached.", "Email received from the hostel key worker." },
  letter = { "Appointment letter posted to the home address.", "Letter sent confirming the next appointment." },
  text = { "Text reminder of tomorrow's appointment sent." },
  other = { "Case discussion with the senior probation officer.", "Liaison with the police offender manager." },
}
local topics = {
  "Discussed housing: still at the hostel and on the council's waiting list.",
  "Housing officer has offered a tenancy viewing next week.",
  "Employment: has an interview at a warehouse on Monday; we practised questions.",
  "Still looking for employment; referred to the job centre work coach.",
  "Alcohol use discussed; says he has cut down and is attending the community alcohol team.",
  "Admitted drinking alcohol at the weekend; relapse prevention work started.",
  "Curfew monitoring report showed a late return on Friday; explanation accepted this time.",
  "Electronic monitoring confirms the curfew has been kept for the month.",
  "Missed appointment on Tuesday; no acceptable reason given, first warning issued.",
  "Breach considered after a second missed appointment; discussed with the SPO.",
  "Breach report drafted for court; enforcement action recorded.",
  "Attended the thinking skills session and completed the homework.",
  "Unpaid work: completed seven hours at the charity shop placement.",
  "Relationship with partner discussed; no concerns raised by children's services.",
  "Mental health: GP appointment booked, medication reviewed.",
  "Debt advice referral made; benefits claim still being processed.",
  "Victim awareness work continued using the workbook.",
  "Reports that the hostel curfew is hard with shift work; will ask the hostel manager.",
  "Drug test negative; motivation to stay clean is good.",
  "Talked about the friends he used to offend with and how to avoid them.",
}
local closings = { "Next appointment booked.", "Next appointment in two weeks.", "Will review at the next appointment.", "" }

local function pick(list) return list[math.random(#list)] end
local function note(t)
  local parts = { pick(openings[t]), pick(topics) }
  if math.random() < 0.5 then parts[#parts + 1] = pick(topics) end
  parts[#parts + 1] = pick(closings)
  return table.concat(parts, " ")
end
local function escape(s) return (s:gsub('[\\"]', "\\%0")) end

-- London local times on weekdays-or-not over twenty years; the API accepts the past only.
local now = os.time()
local function past_date()
  local t = now - math.random(2 * 86400, 20 * 365 * 86400)
  local d = os.date("!*t", t)
  return string.format("%04d-%02d-%02dT%02d:%02d", d.year, d.month, d.day, math.random(9, 16), 15 * math.random(0, 3))
end

request = function()
  local t = pick(types)
  return wrk.format("POST", "/api/v1/people/" .. crn .. "/contacts", headers,
    '{"type":"' .. t .. '","date":"' .. past_date() .. '","notes":"' .. escape(note(t)) .. '"}')
end

local answered = 0
response = function(status)
  answered = answered + 1
  if answered >= wanted then wrk.thread:stop() end
end
