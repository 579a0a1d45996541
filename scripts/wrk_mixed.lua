-- wrk: a patient mix of pages and checker posts, counting every status code.
-- Settings come from the environment (scripts/loadtest.py sets them):
--   LDN_TOPICS      space-separated topic paths
--   LDN_CSRF_COOKIE the csrftoken cookie;  LDN_CSRF_TOKEN  the form's token
--   LDN_ENTRY       one made-up medicine name typed along with real ones
local topics = {}
for path in string.gmatch(os.getenv("LDN_TOPICS") or "/", "%S+") do
  table.insert(topics, path)
end
local cookie = "csrftoken=" .. (os.getenv("LDN_CSRF_COOKIE") or "")
local token = os.getenv("LDN_CSRF_TOKEN") or ""
local entry = os.getenv("LDN_ENTRY") or "ibuprofen"

local function form(fields)
  local parts = { "csrfmiddlewaretoken=" .. token }
  for _, field in ipairs(fields) do
    table.insert(parts, field)
  end
  return table.concat(parts, "&")
end

local check_body = form({
  "medicine=Norco+10%2F325", "medicine=ibuprofen", "medicine=" .. entry,
  "q-alcohol=no", "action=check",
})
local checklist_body = form({ "medicine=tramadol", "medicine=" .. entry })
local api_body = '{"medications": ["Norco 10/325", "ibuprofen 200 mg", "Tylenol", "wine", "' .. entry .. '"]}'
local form_headers = { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie }
local htmx_headers = {
  ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie, ["HX-Request"] = "true",
}

local requests = {}
local counter = 0
local threads = {}
statuses = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local topic_index = 0
  local function next_topic()
    topic_index = topic_index % #topics + 1
    return topics[topic_index]
  end
  requests = {
    function() return wrk.format("GET", "/") end,
    function() return wrk.format("GET", next_topic()) end,
    function() return wrk.format("POST", "/check/", form_headers, check_body) end,
    function() return wrk.format("GET", next_topic()) end,
    function() return wrk.format("POST", "/api/check", { ["Content-Type"] = "application/json" }, api_body) end,
    function() return wrk.format("GET", "/check/") end,
    function() return wrk.format("POST", "/check/", htmx_headers, check_body) end,
    function() return wrk.format("GET", next_topic()) end,
    function() return wrk.format("POST", "/checklist/", form_headers, checklist_body) end,
    function() return wrk.format("POST", "/api/check", { ["Content-Type"] = "application/json" }, api_body) end,
  }
end

function request()
  counter = counter % #requests + 1
  return requests[counter]()
end

function response(status, headers, body)
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
end

function done(summary, latency, requests_done)
  local total = {}
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses")
    for code, n in pairs(counts) do
      total[code] = (total[code] or 0) + n
    end
  end
  local parts = {}
  for code, n in pairs(total) do
    table.insert(parts, string.format('"%s": %d', code, n))
  end
  io.write("STATUSES {" .. table.concat(parts, ", ") .. "}\n")
end
