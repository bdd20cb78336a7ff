-- Settles one request after its answer, in the same round trip as its usage event: corrects the tokens its rate
-- limits charged up front by what it really used, releases its budget holds, adds its cost to every budget that
-- applies, and appends an alert the first time this period's spend reaches one of a budget's thresholds.
--
-- KEYS: per limited subject: tokens TAT; then per budget: spent, held, holds, alerted; last: the alerts stream
-- ARGV[1] window us, ARGV[2] used - charged tokens, ARGV[3] subjects, ARGV[4] budgets, ARGV[5] event id,
-- then per subject: tokens limit (<= 0: nothing to correct),
-- then per budget: cost nano-USD, limit nano-USD, expire-at unix seconds (0: never), alert id prefix,
--   threshold count n, n thresholds (percent), field count m, m alternating alert field names and values
-- Reply: the number of alerts appended.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local window = tonumber(ARGV[1])
local delta = tonumber(ARGV[2])
local subjects = tonumber(ARGV[3])
local budgets = tonumber(ARGV[4])
local event = ARGV[5]
local alerts = KEYS[#KEYS]

local function usd(nanos)
    local whole = math.floor(nanos / 1000000000)
    return string.format('%.0f.%09d', whole, nanos - whole * 1000000000)
end

-- A TAT already past means the window refilled meanwhile: nothing to refund, only an overshoot to charge.
for s = 1, subjects do
    local limit = tonumber(ARGV[5 + s])
    if limit > 0 and delta ~= 0 then
        local tat = math.max(tonumber(redis.call('GET', KEYS[s]) or '0'), now) + delta * window / limit
        if tat <= now then
            redis.call('DEL', KEYS[s])
        else
            redis.call('SET', KEYS[s], string.format('%.0f', tat), 'PX', math.ceil((tat - now) / 1000) + 1000)
        end
    end
end

local appended = 0
local a = 6 + subjects
for b = 1, budgets do
    local k = subjects + (b - 1) * 4 + 1
    local cost, limit, expireAt, prefix = tonumber(ARGV[a]), tonumber(ARGV[a + 1]), tonumber(ARGV[a + 2]), ARGV[a + 3]
    local thresholds = tonumber(ARGV[a + 4])
    local fields = tonumber(ARGV[a + 5 + thresholds])
    -- A hold already swept (it outlived its lifetime) was taken off the held sum then; never twice.
    local hold = redis.call('HGET', KEYS[k + 2], event)
    if hold then
        redis.call('HDEL', KEYS[k + 2], event)
        redis.call('DECRBY', KEYS[k + 1], string.match(hold, '^(%d+):'))
    end
    if cost > 0 then
        local after = redis.call('INCRBY', KEYS[k], ARGV[a])
        local before = after - cost
        if expireAt > 0 then
            redis.call('EXPIREAT', KEYS[k], expireAt)
        end
        for t = 1, thresholds do
            local percent = ARGV[a + 4 + t]
            -- Divided first: limit × percent could pass 2^53, where a Lua number stops counting exactly.
            local mark = limit / 100 * tonumber(percent)
            if limit > 0 and before < mark and after >= mark and redis.call('SADD', KEYS[k + 3], percent) == 1 then
                if expireAt > 0 then
                    redis.call('EXPIREAT', KEYS[k + 3], expireAt)
                end
                local entry = { 'alert_id', prefix .. percent, 'threshold_percent', percent, 'spent_usd', usd(after) }
                for f = 1, fields do
                    entry[#entry + 1] = ARGV[a + 5 + thresholds + f]
                end
                redis.call('XADD', alerts, '*', 'schema_version', '1', unpack(entry))
                appended = appended + 1
            end
        end
    end
    a = a + 6 + thresholds + fields
end
return appended
