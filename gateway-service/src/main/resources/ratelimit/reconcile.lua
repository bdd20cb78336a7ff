-- Moves a key's tokens TAT (see admit.lua) by what a request really used minus what admission charged for it.
-- KEYS[1] tokens TAT; ARGV[1] tokens limit (> 0), ARGV[2] actual - charged tokens (may be negative),
-- ARGV[3] window in microseconds. Reply: the TAT's distance from now in microseconds, 0 when nothing is left.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local delta = tonumber(ARGV[2]) * tonumber(ARGV[3]) / tonumber(ARGV[1])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
-- A TAT already past means the budget refilled meanwhile: nothing to refund, only an overshoot to charge.
tat = math.max(tat, now) + delta
if tat <= now then
    redis.call('DEL', KEYS[1])
    return 0
end
redis.call('SET', KEYS[1], string.format('%.0f', tat), 'PX', math.ceil((tat - now) / 1000) + 1000)
return math.ceil(tat - now)
