package dev.tollgate.gateway.redis;

import java.util.List;

/**
 * One run of a script, to be sent later in a pipeline with other commands.
 *
 * @param script the script
 * @param keys its {@code KEYS}
 * @param args its {@code ARGV}
 */
public record ScriptCall(RedisScript script, List<String> keys, List<String> args) {

    public ScriptCall {
        keys = List.copyOf(keys);
        args = List.copyOf(args);
    }
}
