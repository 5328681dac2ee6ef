-- GET /v1/operations with a page size of 20-80, a random sort (sent once) and a random combination of filters
-- with random date bounds and thresholds: millions of distinct valid requests, so no response cache can hold them.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local v = require("vocabulary")
local rest = { disclosedFrom = "from", disclosedTo = "to", text = "q" }

request = function()
  local parts = { "limit=" .. math.random(20, 80) }
  if math.random() < 0.8 then parts[#parts + 1] = "sort=" .. v.pick(v.sorts) end
  for _, filter in ipairs(v.filter()) do
    local name, value = rest[filter[1]] or filter[1], filter[2]
    if type(value) == "table" then value = table.concat(value, ",") end
    parts[#parts + 1] = name .. "=" .. value
  end
  return wrk.format("GET", "/v1/operations?" .. table.concat(parts, "&"))
end
