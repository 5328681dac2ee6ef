-- POST /graphql: 50 operations with their attributions, actors and disclosures, under filters varied as
-- users vary them (the same filters as filtered-list.lua) and with varied page sizes near 50.
local filters = {
  '{}', '{origin: ["CN"]}', '{origin: ["RU"]}', '{origin: ["CN", "RU"]}', '{platform: ["facebook"]}', '{platform: ["x"]}',
  '{disclosedBy: ["meta"]}', '{disclosedBy: ["twitter"]}', '{target: ["US"]}', '{disclosedFrom: "2022"}',
  '{minAccounts: 1000}', '{text: "election"}', '{origin: ["CN"], disclosedBy: ["meta"], disclosedFrom: "2022"}',
}
local orders = { "NAME", "ACCOUNTS_REMOVED_DESC", "LAST_DISCLOSED_DESC" }
math.randomseed(os.time())
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  local query = "{ operations(first: 50, orderBy: " .. orders[math.random(#orders)] .. ", filter: " .. filters[math.random(#filters)] ..
    ") { totalCount edges { node { id name attributions { level confidence actor { id name } } disclosures { by date actions { platform asset count } } } } } }"
  local body = '{"query": ' .. string.format("%q", query):gsub("\\\n", "\\n") .. '}'
  return wrk.format(nil, nil, nil, body)
end
