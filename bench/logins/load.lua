-- wrk script for the login figures: sends BENCH_METHOD (GET or PUT) to BENCH_PATH with the Authorization header
-- BENCH_AUTH (none when empty); with BENCH_UNIQUE=1 every PUT names a new page, so that writers add pages to one
-- folder instead of replacing one. Prints "status N count" lines for every status seen.

local threads = {}
local next_id = 0

function setup(thread)
   thread:set("id", next_id)
   next_id = next_id + 1
   table.insert(threads, thread)
end

function init(args)
   method = os.getenv("BENCH_METHOD") or "GET"
   path = os.getenv("BENCH_PATH") or "/"
   unique = os.getenv("BENCH_UNIQUE") == "1"
   headers = {}
   local auth = os.getenv("BENCH_AUTH") or ""
   if auth ~= "" then
      headers["Authorization"] = auth
   end
   if method == "PUT" then
      headers["Content-Type"] = "text/plain"
   end
   counter = 0
   statuses = {}
end

function request()
   counter = counter + 1
   local target = path
   if unique then
      target = path .. id .. "-" .. counter
   end
   return wrk.format(method, target, headers, method == "PUT" and "x" or nil)
end

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
   local total = {}
   for _, thread in ipairs(threads) do
      for status, count in pairs(thread:get("statuses")) do
         total[status] = (total[status] or 0) + count
      end
   end
   for status, count in pairs(total) do
      io.write(string.format("status %d %d\n", status, count))
   end
   io.write(string.format("median_ms %.2f\n", latency:percentile(50) / 1000))
end
