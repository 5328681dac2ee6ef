-- Load and soak: valid requests varied as users vary them, mixed with abusive ones (about one in three).
-- Counts answers by class; a 5xx is a defect, and so is a refusal without a 4xx. Ids come from IDS_FILE.
local ids = {}
for line in io.lines(os.getenv("IDS_FILE")) do ids[#ids + 1] = line end

local function rep(s, n) local t = {} for i = 1, n do t[i] = s end return table.concat(t) end
local function json_string(s) return (string.format("%q", s):gsub("\\\n", "\\n")) end
local function graphql(query) return json_string(query) end

local filters = { "origin=CN", "origin=RU,IR", "platform=facebook", "platform=x", "disclosedBy=meta", "target=US", "from=2022",
  "minAccounts=1000", "q=election", "q=troll farm", "topic=us-elections", "origin=CN&disclosedBy=meta&from=2022" }
local sorts = { "", "&sort=-accountsRemoved", "&sort=-lastDisclosed", "&sort=firstSeen" }

local aliases = {}
for i = 1, 300 do aliases[i] = "a" .. i .. ": operations(first: 100) { edges { node { id } } }" end
local fragments = { "{ ...F0 }" }
for i = 0, 11 do fragments[#fragments + 1] = "fragment F" .. i .. " on Query { ...F" .. (i + 1) .. " ...F" .. (i + 1) .. " }" end
fragments[#fragments + 1] = "fragment F12 on Query { dataset { version } }"

-- Each entry: method, path, body (or nil), content type (or nil).
local abusive = {
  { "GET", "/v1/operations?q=%00" }, { "GET", "/v1/operations?limit=-1" }, { "GET", "/v1/operations?limit=2147483648" },
  { "GET", "/v1/operations?cursor=" .. rep("A", 4000) }, { "GET", "/v1/operations?cursor=eyJzIjoibmFtZSIsInYiOjEsImkiOiJ4In0" },
  { "GET", "/v1/operations?q=NEAR(a%20b)%20OR%20%22" }, { "GET", "/v1/operations/" .. rep("a", 4000) },
  { "GET", "/v1/operations/..%2F..%2Fetc%2Fpasswd" }, { "GET", "/graphql/ide/..%2Fappsettings.json" },
  { "GET", "/v1/operations?platform=twitter&disclosedBy=facebook&actor=IRA" }, { "GET", "/v1/changes?since=garbage" },
  { "POST", "/graphql", '{"query": ' .. graphql("{ " .. table.concat(aliases, " ") .. " }") .. '}', "application/json" },
  { "POST", "/graphql", '{"query": ' .. graphql("{ " .. rep("__typename ", 3000) .. "}") .. '}', "application/json" },
  { "POST", "/graphql", '{"query": ' .. graphql(table.concat(fragments, " ")) .. '}', "application/json" },
  { "POST", "/graphql", '{"query": "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }"}', "application/json" },
  { "POST", "/graphql", '{"query": ' .. graphql("{ actors { operations(first: 100) { edges { node { disclosures { actions { count } } } } } } }") .. '}', "application/json" },
  { "POST", "/graphql", '[{"query": "{ __typename }"}, {"query": "{ __typename }"}]', "application/json" },
  { "POST", "/graphql", '{"query": "{ operations { ', "application/json" },
  { "POST", "/graphql", rep("[", 5000) .. rep("]", 5000), "application/json" },
  { "POST", "/graphql", '{"query": "{ __typename }"' .. rep(" ", 70 * 1024) .. '}', "application/json" },
  { "POST", "/graphql", '{"query": "{ changes(since: \\"garbage\\") { since } }"}', "application/json" },
  { "POST", "/v1/operations", rep("x", 100 * 1024), "text/plain" },
}

math.randomseed(os.time())
counts = { ok = 0, redirect = 0, client = 0, server = 0 } -- globals: done() reads them from each thread
last5xx = ""

request = function()
  local roll = math.random(100)
  if roll <= 33 then
    local a = abusive[math.random(#abusive)]
    local headers = {}
    if a[4] then headers["Content-Type"] = a[4] end
    return wrk.format(a[1], a[2], headers, a[3])
  elseif roll <= 55 then
    return wrk.format("GET", "/v1/operations/" .. ids[math.random(#ids)])
  elseif roll <= 80 then
    return wrk.format("GET", "/v1/operations?limit=" .. math.random(1, 100) .. "&" .. filters[math.random(#filters)] .. sorts[math.random(#sorts)])
  elseif roll <= 90 then
    local query = "{ operations(first: " .. math.random(10, 50) .. ", filter: {origin: [\"CN\"]}) { totalCount edges { node { id name attributions { level actor { id name } } disclosures { by date actions { platform count } } } } } }"
    return wrk.format("POST", "/graphql", { ["Content-Type"] = "application/json" }, '{"query": ' .. graphql(query) .. '}')
  elseif roll <= 95 then
    return wrk.format("GET", "/v1/stats?from=" .. math.random(2017, 2025))
  else
    return wrk.format("GET", "/v1/operations?format=csv&origin=" .. ({ "CN", "RU", "IR", "US" })[math.random(4)])
  end
end

response = function(status, headers, body)
  if status >= 500 then counts.server = counts.server + 1; last5xx = status .. " " .. string.sub(body or "", 1, 200)
  elseif status >= 400 then counts.client = counts.client + 1
  elseif status >= 300 then counts.redirect = counts.redirect + 1
  else counts.ok = counts.ok + 1 end
end

local threads = {}
setup = function(thread) threads[#threads + 1] = thread end

done = function(summary, latency, requests)
  local total = { ok = 0, redirect = 0, client = 0, server = 0 }
  local sample = ""
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for k, v in pairs(c) do total[k] = total[k] + v end
    local s = thread:get("last5xx")
    if s ~= "" then sample = s end
  end
  io.write(string.format("answers: %d 2xx, %d 3xx, %d 4xx, %d 5xx\n", total.ok, total.redirect, total.client, total.server))
  io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d; non-2xx/3xx as wrk counts them: %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status))
  io.write(string.format("requests: %d in %.1f s (%.0f/s); latency p50 %.1f ms, p99 %.1f ms, max %.1f ms\n", summary.requests,
    summary.duration / 1e6, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  if sample ~= "" then io.write("a 5xx: " .. sample .. "\n") end
end
