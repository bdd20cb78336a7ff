-- Admits one request, atomically and in one round trip: the rate limits of its key and its tenant (GCRA on Redis's
-- own clock) and a hold on every blocking budget that applies. Nothing is written unless everything admits.
--
-- KEYS: per limited subject (key, tenant): requests TAT, tokens TAT;
--       then per blocking budget: spent, held, holds, sweep marker (see dev.tollgate.model.budget.SpendKeys)
-- ARGV[1] window us, ARGV[2] tokens to charge, ARGV[3] subjects, ARGV[4] budgets, ARGV[5] event id,
-- ARGV[6] hold lifetime us, ARGV[7] sweep interval ms,
-- then per subject: requests limit, tokens limit (-1: none, key untouched; 0: deny),
-- then per budget: limit nano-USD, hold nano-USD, expire-at unix seconds (0: never)
-- Reply: {admitted 1|0, denied kind 0 none|1 requests|2 tokens|3 budget, denied index (1-based subject or budget),
--         retry after us, per subject: requests remaining, requests reset us, tokens remaining, tokens reset us
--         (-1 where there is no limit), per budget: spent, held (nano-USD, after the decision)}
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local window = tonumber(ARGV[1])
local charge = tonumber(ARGV[2])
local subjects = tonumber(ARGV[3])
local budgets = tonumber(ARGV[4])
local event = ARGV[5]
local holdLife = tonumber(ARGV[6])
local sweepEvery = ARGV[7]
local budgetArgs = 8 + subjects * 2
local budgetKeys = 1 + subjects * 2

local kind, index, retry = 0, 0, 0
local limits, tats = {}, {}

-- Rate limits: room for one unit (the whole request, or the first of its tokens) in every window.
for s = 1, subjects do
    for d = 1, 2 do
        local i = (s - 1) * 2 + d
        local limit = tonumber(ARGV[7 + i])
        limits[i] = limit
        if limit > 0 then
            tats[i] = math.max(tonumber(redis.call('GET', KEYS[i]) or '0'), now)
            local late = tats[i] + window / limit - now - window
            if kind == 0 and late > 0 then
                kind, index, retry = d, s, late
            end
        elseif limit == 0 and kind == 0 then
            kind, index, retry = d, s, window
        end
    end
end

-- Budgets: admitted while settled spend plus open holds is below the limit, so concurrent requests overshoot it by
-- at most one hold. Expired holds (their gateway died) are swept at most once per sweep interval.
local spent, held = {}, {}
for b = 1, budgets do
    local k = budgetKeys + (b - 1) * 4
    local limit = tonumber(ARGV[budgetArgs + (b - 1) * 3])
    if redis.call('SET', KEYS[k + 3], '1', 'NX', 'PX', sweepEvery) then
        local entries = redis.call('HGETALL', KEYS[k + 2])
        for e = 1, #entries, 2 do
            local amount, expires = string.match(entries[e + 1], '^(%d+):(%d+)$')
            if tonumber(expires) < now then
                redis.call('HDEL', KEYS[k + 2], entries[e])
                redis.call('DECRBY', KEYS[k + 1], amount)
            end
        end
    end
    spent[b] = tonumber(redis.call('GET', KEYS[k]) or '0')
    held[b] = math.max(0, tonumber(redis.call('GET', KEYS[k + 1]) or '0'))
    if kind == 0 and spent[b] + held[b] >= limit then
        kind, index, retry = 3, b, 0
    end
end

if kind == 0 then
    for i = 1, subjects * 2 do
        if limits[i] > 0 then
            local cost = (i % 2 == 1) and 1 or charge
            tats[i] = tats[i] + cost * window / limits[i]
            redis.call('SET', KEYS[i], string.format('%.0f', tats[i]), 'PX', math.ceil((tats[i] - now) / 1000) + 1000)
        end
    end
    for b = 1, budgets do
        local k = budgetKeys + (b - 1) * 4
        local a = budgetArgs + (b - 1) * 3
        local hold = ARGV[a + 1]
        redis.call('HSET', KEYS[k + 2], event, hold .. ':' .. string.format('%.0f', now + holdLife))
        held[b] = redis.call('INCRBY', KEYS[k + 1], hold)
        local expireAt = tonumber(ARGV[a + 2])
        if expireAt > 0 then
            redis.call('EXPIREAT', KEYS[k + 1], expireAt)
            redis.call('EXPIREAT', KEYS[k + 2], expireAt)
        end
    end
end

local reply = { kind == 0 and 1 or 0, kind, index, math.ceil(retry) }
for i = 1, subjects * 2 do
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
for b = 1, budgets do
    reply[#reply + 1] = spent[b]
    reply[#reply + 1] = held[b]
end
return reply
