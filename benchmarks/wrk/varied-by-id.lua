-- GET /v1/operations/{id} with a random id of the served dataset; one request in four sends the If-None-Match
-- of an earlier answer (as a revalidating client or cache does) and is answered 304.
--
-- Every request there can be is formatted once, in init (wrk adds the Host header only then), and request() only
-- draws one. Formatting each request as it is sent cost the client more than the server spends answering it
-- (docs/performance.md), and wrk shares the machine with the server, so the figure measured the script.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local v = require("vocabulary")

local plain, conditional = {}, {}

init = function()
  for i, id in ipairs(v.ids) do
    plain[i] = wrk.format("GET", "/v1/operations/" .. id)
  end
  for i, known in ipairs(v.etags) do
    conditional[i] = wrk.format("GET", "/v1/operations/" .. known.id, { ["If-None-Match"] = known.etag })
  end
end

request = function()
  if #conditional > 0 and math.random() < 0.25 then
    return v.pick(conditional)
  end
  return v.pick(plain)
end
