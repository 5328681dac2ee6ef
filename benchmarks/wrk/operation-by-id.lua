-- GET /v1/operations/{id} with a random id of the served dataset each time (ids come from ids.txt).
local ids = {}
for line in io.lines(os.getenv("IDS_FILE")) do ids[#ids + 1] = line end
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/v1/operations/" .. ids[math.random(#ids)])
end
