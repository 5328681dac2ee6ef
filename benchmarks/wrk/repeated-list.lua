-- GET /v1/operations with limit=50 and one of 26 fixed filter combinations under one of 5 sorts: 130 distinct
-- requests, which a response cache holds entirely. It measures repeated requests (the cached path where a cache
-- exists); varied-list.lua measures the query path.
local queries = {
  "origin=CN", "origin=RU", "origin=IR", "origin=CN,RU", "platform=facebook", "platform=x", "platform=tiktok",
  "platform=youtube,telegram", "disclosedBy=meta", "disclosedBy=twitter", "disclosedBy=graphika", "target=US",
  "target=UA", "from=2022", "from=2019&to=2020", "activeFrom=2020", "minAccounts=1000", "minFollowers=10000",
  "q=election", "q=troll", "topic=us-elections", "topic=ukraine-war", "origin=CN&disclosedBy=meta&from=2022",
  "origin=RU&target=DE", "platform=facebook&minAccounts=100", "disclosedBy=meta&minAccounts=10",
}
-- the sort is added once, after the filters (the last entry of `queries` used to carry its own sort)
local sorts = { "", "&sort=-accountsRemoved", "&sort=-lastDisclosed", "&sort=firstSeen", "&sort=-followers" }
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/v1/operations?limit=50&" .. queries[math.random(#queries)] .. sorts[math.random(#sorts)])
end
