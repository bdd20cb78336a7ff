package dev.tollgate.gateway.testing;

import dev.tollgate.gateway.GatewayApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another whole gateway in the test's JVM, on a free port, with the test control plane's secrets and a spool of its
 * own: what a test needs to prove that several instances share limits and budgets through one Redis.
 */
public final class GatewayInstance {

    private GatewayInstance() {}

    /**
     * Starts a gateway on the Redis at {@code redisUri} (such as a {@link RedisProxy}'s) with {@code extra} arguments
     * such as {@code --tollgate.limits.expected-instances=2}.
     */
    public static ConfigurableApplicationContext start(String redisUri, String... extra) {
        try {
            String spool = Files.createTempDirectory("tollgate-spool-").toString();
            // Arguments, not default properties: those would lose to application.yml.
            List<String> args = new ArrayList<>(List.of(
                    "--server.port=0",
                    "--tollgate.redis.uri=" + redisUri,
                    "--tollgate.auth.key-hash-secret=" + ControlPlane.KEY_HASH_SECRET,
                    "--tollgate.routing.master-key=" + ControlPlane.MASTER_KEY,
                    "--tollgate.routing.master-key-id=" + ControlPlane.MASTER_KEY_ID,
                    "--tollgate.usage.spool-directory=" + spool));
            args.addAll(List.of(extra));
            return new SpringApplicationBuilder(GatewayApplication.class).run(args.toArray(String[]::new));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** The port {@code gateway} listens on. */
    public static int port(ConfigurableApplicationContext gateway) {
        return ((WebServerApplicationContext) gateway).getWebServer().getPort();
    }
}
