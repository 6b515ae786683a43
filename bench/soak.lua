-- wrk script of bench/run: cycles through the paths given after "--"; the first argument is the interval in ms
-- between two requests of one wrk thread (0: as fast as possible). Each request gets the thread's next free slot on
-- the wall clock, whichever of the thread's connections sends it, so the rate stays fixed however long the
-- answers take (a fixed pause after each answer would lower the rate as latency grows).
local ffi = require("ffi")
ffi.cdef [[
    typedef struct { long tv_sec; long tv_usec; } timeval;
    int gettimeofday(timeval *tv, void *tz);
]]
local now_tv = ffi.new("timeval")
local function now_ms()
    ffi.C.gettimeofday(now_tv, nil)
    return tonumber(now_tv.tv_sec) * 1000 + tonumber(now_tv.tv_usec) / 1000
end

local paths = {}
local interval = 0
local counter = 0
local next_slot = nil

function init(args)
    interval = tonumber(args[1]) or 0
    for i = 2, #args do
        paths[#paths + 1] = args[i]
    end
    -- Threads start at different points of the cycle, so every path is in the mix from the first second.
    counter = math.random(#paths)
end

function delay()
    if interval <= 0 then
        return 0
    end
    local now = now_ms()
    if next_slot == nil or next_slot < now then
        next_slot = now
    end
    local wait = next_slot - now
    next_slot = next_slot + interval
    return math.floor(wait)
end

function request()
    counter = counter % #paths + 1
    return wrk.format("GET", paths[counter])
end
