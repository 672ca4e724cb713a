-- wrk script for the Jope load test: counts completions per wall-clock second and responses per status, and prints
-- them with wrk's own figures as "jope ..." lines that bench/report.py reads.
--
-- Each wrk thread has its own Lua state, so counts are kept per thread and merged in done() through thread:get.
-- Defining response() makes wrk parse every response, which costs the generator some CPU; the ceiling run uses this
-- same script so that "/" and /hello pay the same price.

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   -- Globals, not locals: thread:get can only read globals of the thread's state.
   started = os.time()
   per_second = {}
   statuses = {}
end

function response(status, headers, body)
   local second = os.time()
   per_second[second] = (per_second[second] or 0) + 1
   statuses[status] = (statuses[status] or 0) + 1
end

-- The generator's own CPU time in clock ticks (user, system), read from /proc before wrk exits: wrk shares the machine
-- with the app, so its cost is reported beside the figures.
local function cpu_ticks()
   local file = io.open("/proc/self/stat")
   if not file then
      return 0, 0
   end
   local stat = file:read("*l")
   file:close()
   -- Fields from the third on follow the last ") ", which closes the process name.
   local fields = {}
   for field in stat:match(".*%) (.*)$"):gmatch("%S+") do
      table.insert(fields, field)
   end
   return tonumber(fields[12]), tonumber(fields[13])
end

local function merge_into(total, counts)
   for key, n in pairs(counts) do
      total[key] = (total[key] or 0) + n
   end
end

function done(summary, latency, requests)
   local per_second_total, statuses_total = {}, {}
   local first = os.time()
   for _, thread in ipairs(threads) do
      merge_into(per_second_total, thread:get("per_second"))
      merge_into(statuses_total, thread:get("statuses"))
      first = math.min(first, thread:get("started"))
   end
   -- The window runs from the second wrk started to the second it finished, so that a stall at either end is a
   -- run of zero seconds too, not a shorter window.
   local last = os.time()

   local errors = summary.errors
   io.write(string.format("jope summary requests=%d duration_us=%d bytes=%d\n",
      summary.requests, summary.duration, summary.bytes))
   io.write(string.format("jope errors connect=%d read=%d write=%d timeout=%d status=%d\n",
      errors.connect, errors.read, errors.write, errors.timeout, errors.status))
   io.write(string.format("jope latency_us p50=%d p99=%d max=%d\n",
      latency:percentile(50), latency:percentile(99), latency.max))
   for status, n in pairs(statuses_total) do
      io.write(string.format("jope status %d %d\n", status, n))
   end
   io.write(string.format("jope wrk_cpu_ticks user=%d system=%d\n", cpu_ticks()))
   io.write(string.format("jope window %d %d\n", first, last))
   for second = first, last do
      io.write(string.format("jope second %d %d\n", second - first, per_second_total[second] or 0))
   end
end
