package dev.tollgate.gateway.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script with its SHA-1, so {@link BlockingRedis#run} can send {@code EVALSHA} (a few bytes) and fall back to
 * {@code EVAL} only when Redis has not cached the script yet (after a restart or {@code SCRIPT FLUSH}).
 *
 * @param source the Lua source
 * @param sha1 its SHA-1 in lowercase hex, as {@code SCRIPT LOAD} answers
 */
public record RedisScript(String source, String sha1) {

    /** The script with its digest computed. */
    public static RedisScript of(String source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
            return new RedisScript(source, HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-1", impossible);
        }
    }
}
