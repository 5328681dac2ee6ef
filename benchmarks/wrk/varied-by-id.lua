-- GET /v1/operations/{id} with a random id of the served dataset; one request in four sends the If-None-Match
-- of an earlier answer (as a revalidating client or cache does) and is answered 304.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local v = require("vocabulary")

request = function()
  if #v.etags > 0 and math.random() < 0.25 then
    local known = v.pick(v.etags)
    return wrk.format("GET", "/v1/operations/" .. known.id, { ["If-None-Match"] = known.etag })
  end
  return wrk.format("GET", "/v1/operations/" .. v.pick(v.ids))
end
