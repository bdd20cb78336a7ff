-- Admits one request against its key's requests and tokens per window, atomically, by GCRA on Redis's own clock.
-- Each key holds a theoretical arrival time (TAT) in microseconds: the moment its budget would be full again.
-- KEYS[1] requests TAT, KEYS[2] tokens TAT (the two share a {key_id} hash tag, so they live on one cluster slot)
-- ARGV[1] requests limit, ARGV[2] tokens limit (-1: no limit, key untouched; 0: deny), ARGV[3] tokens to charge,
-- ARGV[4] window in microseconds
-- Reply: {admitted 1|0, denied by 0|1 requests|2 tokens, retry after us,
--         requests remaining, requests reset us, tokens remaining, tokens reset us} (-1 where there is no limit)
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local window = tonumber(ARGV[4])
local limits = { tonumber(ARGV[1]), tonumber(ARGV[2]) }
local costs = { 1, tonumber(ARGV[3]) }
local tats = {}
local denied, retry = 0, 0

for i = 1, 2 do
    if limits[i] > 0 then
        tats[i] = math.max(tonumber(redis.call('GET', KEYS[i]) or '0'), now)
        -- Room for one unit: the whole request, or the first of its tokens. A request's tokens may run past the
        -- limit, so tokens admitted in a window stay under limit + one request's charge.
        local late = tats[i] + window / limits[i] - now - window
        if denied == 0 and late > 0 then
            denied, retry = i, late
        end
    elseif limits[i] == 0 and denied == 0 then
        denied, retry = i, window
    end
end

if denied == 0 then
    for i = 1, 2 do
        if limits[i] > 0 then
            tats[i] = tats[i] + costs[i] * window / limits[i]
            redis.call('SET', KEYS[i], string.format('%.0f', tats[i]), 'PX', math.ceil((tats[i] - now) / 1000) + 1000)
        end
    end
end

local reply = { denied == 0 and 1 or 0, denied, math.ceil(retry) }
for i = 1, 2 do
    if limits[i] > 0 then
        local backlog = tats[i] - now
        reply[#reply + 1] = math.max(0, math.floor((window - backlog) * limits[i] / window))
        reply[#reply + 1] = math.ceil(backlog)
    elseif limits[i] == 0 then
        reply[#reply + 1] = 0
        reply[#reply + 1] = 0
    else
        reply[#reply + 1] = -1
        reply[#reply + 1] = -1
    end
end
return reply
