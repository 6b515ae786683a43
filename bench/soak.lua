-- wrk script of bench/run: cycles through the paths given after "--" (the first argument is the pause in ms each
-- connection waits between its requests, which paces the whole load to a fixed rate; 0: as fast as possible).
local paths = {}
local pause = 0
local counter = 0

function init(args)
    pause = tonumber(args[1]) or 0
    for i = 2, #args do
        paths[#paths + 1] = args[i]
    end
    -- Connections start at different points of the cycle, so every path is in the mix from the first second.
    counter = math.random(#paths)
end

function delay()
    return pause
end

function request()
    counter = counter % #paths + 1
    return wrk.format("GET", paths[counter])
end
