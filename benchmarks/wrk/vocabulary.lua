-- Shared by the varied-*.lua scripts: the served dataset's ids and vocabularies, which benchmarks/api.sh writes
-- to $BENCH_DATA (one value per line), and helpers that draw random valid request parts from them.
local data = os.getenv("BENCH_DATA") or error("set BENCH_DATA to the folder benchmarks/api.sh writes")
local M = {}

local function lines(name)
  local values = {}
  for line in io.lines(data .. "/" .. name .. ".txt") do
    if line ~= "" then values[#values + 1] = line end
  end
  return values
end

M.ids = lines("ids")
M.countries = lines("countries")
M.platforms = lines("platforms")
M.organisations = lines("organisations")
M.topics = lines("topics")
M.actors = lines("actors")
M.words = lines("words")
-- "id etag compressed-etag" for conditional lookups: the tags of the identity body and of the body compressed as
-- Chrome's Accept-Encoding asks (benchmarks/api.sh); a line without both is left out
M.etags = {}
for _, line in ipairs(lines("etags")) do
  local id, etag, compressed = line:match('^(%S+) ("[^"]*") ("[^"]*")$')
  if id then M.etags[#M.etags + 1] = { id = id, etag = etag, compressed = compressed } end
end

-- wrk gives each thread its own Lua state; seed each differently
math.randomseed(os.time() + math.floor(os.clock() * 1000000))

function M.pick(list) return list[math.random(#list)] end

-- one to `most` distinct values of a list
function M.some(list, most)
  local chosen, seen = {}, {}
  for _ = 1, math.random(1, most) do
    local value = M.pick(list)
    if not seen[value] then seen[value] = true; chosen[#chosen + 1] = value end
  end
  return chosen
end

-- a random day between 2012-01-01 and 2025-12-28: about 5,000 distinct values
function M.day()
  return string.format("%04d-%02d-%02d", math.random(2012, 2025), math.random(1, 12), math.random(1, 28))
end

-- thresholds spread over six orders of magnitude
function M.threshold() return math.floor(10 ^ (math.random() * 6)) end

M.sorts = { "name", "-name", "firstSeen", "-firstSeen", "lastDisclosed", "-lastDisclosed", "accountsRemoved", "-accountsRemoved", "followers", "-followers" }
M.orders = { "NAME", "NAME_DESC", "FIRST_SEEN", "FIRST_SEEN_DESC", "LAST_DISCLOSED", "LAST_DISCLOSED_DESC", "ACCOUNTS_REMOVED", "ACCOUNTS_REMOVED_DESC", "FOLLOWERS", "FOLLOWERS_DESC" }

-- A filter as a list of {name, values}: each filter present with some probability, so that combinations vary
-- from none to several; the names are GraphQL's, the REST script renames the few that differ.
function M.filter()
  local f = {}
  if math.random() < 0.3 then f[#f + 1] = { "origin", M.some(M.countries, 2) } end
  if math.random() < 0.2 then f[#f + 1] = { "target", M.some(M.countries, 2) } end
  if math.random() < 0.3 then f[#f + 1] = { "platform", M.some(M.platforms, 2) } end
  if math.random() < 0.3 then f[#f + 1] = { "disclosedBy", M.some(M.organisations, 2) } end
  if math.random() < 0.15 then f[#f + 1] = { "topic", M.some(M.topics, 1) } end
  if math.random() < 0.05 then f[#f + 1] = { "actor", M.some(M.actors, 1) } end
  if math.random() < 0.35 then f[#f + 1] = { "disclosedFrom", M.day() } end
  if math.random() < 0.2 then f[#f + 1] = { "disclosedTo", M.day() } end
  if math.random() < 0.15 then f[#f + 1] = { "activeFrom", M.day() } end
  if math.random() < 0.1 then f[#f + 1] = { "activeTo", M.day() } end
  if math.random() < 0.25 then f[#f + 1] = { "minAccounts", M.threshold() } end
  if math.random() < 0.15 then f[#f + 1] = { "minFollowers", M.threshold() } end
  if math.random() < 0.1 then f[#f + 1] = { "text", M.pick(M.words) } end
  return f
end

return M
