-- GET /v1/operations/{id} with a random id of the served dataset; one request in four sends the If-None-Match
-- of an earlier answer (as a revalidating client or cache does) and is answered 304.
-- With an argument (wrk ... -s varied-by-id.lua <url> -- "gzip, deflate, br, zstd"), every request sends it as
-- Accept-Encoding, as browsers and most HTTP libraries do, and revalidates with the compressed body's tag.
--
-- Every request there can be is formatted once, in init (wrk adds the Host header only then), and request() only
-- draws one. wrk shares the machine with the server, and formatting each request as it was sent held the figure
-- down by about a tenth (docs/performance.md, change 14): it measured the script as much as the server.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local v = require("vocabulary")

local plain, conditional = {}, {}

init = function(args)
  local encoding = args[1]
  local function headers(etag)
    local h = {}
    if encoding then h["Accept-Encoding"] = encoding end
    if etag then h["If-None-Match"] = etag end
    return h
  end
  for i, id in ipairs(v.ids) do
    plain[i] = wrk.format("GET", "/v1/operations/" .. id, headers(nil))
  end
  for i, known in ipairs(v.etags) do
    conditional[i] = wrk.format("GET", "/v1/operations/" .. known.id, headers(encoding and known.compressed or known.etag))
  end
end

request = function()
  if #conditional > 0 and math.random() < 0.25 then
    return v.pick(conditional)
  end
  return v.pick(plain)
end
