-- POST /graphql: a page of 20-80 operations with their attributions, actors, disclosures and removals, the
-- query text fixed and the variables (page size, order, filter with random dates and thresholds) drawn anew
-- for every request, as a client paging through results would send them. Half the requests ask for totalCount.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local v = require("vocabulary")

local selection = "edges { node { id name origin platforms lastDisclosed totals { accountsRemoved } " ..
  "attributions { level confidence by actor { id name } } disclosures { by date actions { platform asset count qualifier } } } } pageInfo { endCursor hasNextPage }"
local queries = {
  "query Page($first: Int, $order: OperationOrder, $filter: OperationFilter) { operations(first: $first, orderBy: $order, filter: $filter) { " .. selection .. " } }",
  "query Page($first: Int, $order: OperationOrder, $filter: OperationFilter) { operations(first: $first, orderBy: $order, filter: $filter) { totalCount " .. selection .. " } }",
}

local function json(value)
  if type(value) == "table" then
    local items = {}
    for i, item in ipairs(value) do items[i] = json(item) end
    return "[" .. table.concat(items, ",") .. "]"
  elseif type(value) == "number" then
    return tostring(value)
  end
  return '"' .. value .. '"'
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  local fields = {}
  for _, filter in ipairs(v.filter()) do fields[#fields + 1] = '"' .. filter[1] .. '":' .. json(filter[2]) end
  local body = '{"query":"' .. v.pick(queries) .. '","variables":{"first":' .. math.random(20, 80) ..
    ',"order":"' .. v.pick(v.orders) .. '","filter":{' .. table.concat(fields, ",") .. '}}}'
  return wrk.format(nil, nil, nil, body)
end
