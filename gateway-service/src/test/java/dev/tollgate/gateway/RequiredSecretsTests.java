package dev.tollgate.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;

/** Outside the local profile and tests, the gateway refuses to start without its two secrets, and says which. */
class RequiredSecretsTests {

    @Test
    void refusesToStartWithoutTheKeyHashSecret() {
        assertThatThrownBy(() -> start("--tollgate.auth.key-hash-secret=", "--tollgate.routing.master-key=x"))
                .hasStackTraceContaining("TOLLGATE_KEY_HASH_SECRET");
    }

    @Test
    void refusesToStartWithoutTheMasterKey() {
        assertThatThrownBy(() -> start(
                        "--tollgate.auth.key-hash-secret=a-key-hash-secret-of-at-least-32-bytes",
                        "--tollgate.routing.master-key="))
                .hasStackTraceContaining("TOLLGATE_MASTER_KEY");
    }

    private static void start(String... args) {
        SpringApplication application = new SpringApplication(GatewayApplication.class);
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--server.port=0";
        all[args.length + 1] = "--spring.main.banner-mode=off";
        application.run(all).close();
    }
}
