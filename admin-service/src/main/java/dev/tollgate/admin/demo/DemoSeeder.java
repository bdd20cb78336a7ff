package dev.tollgate.admin.demo;

import dev.tollgate.admin.apikey.KeyService;
import dev.tollgate.admin.provider.ProviderService;
import dev.tollgate.admin.route.RouteService;
import dev.tollgate.admin.tenant.TenantService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Seeds a fresh database for trying Tollgate out: tenant {@code demo}, provider {@code mock}, models
 * {@code mock-chat} and {@code mock-embedding}, and one key for both. Runs once at start-up, on the main thread, so
 * blocking here holds up only the start.
 */
@Component
@Order(10)
class DemoSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    private static final String SLUG = "demo";
    private static final List<String> MODELS = List.of("mock-chat", "mock-embedding");

    private final DemoProperties properties;
    private final TenantService tenants;
    private final ProviderService providers;
    private final RouteService routes;
    private final KeyService keys;

    DemoSeeder(
            DemoProperties properties,
            TenantService tenants,
            ProviderService providers,
            RouteService routes,
            KeyService keys) {
        this.properties = properties;
        this.tenants = tenants;
        this.providers = providers;
        this.routes = routes;
        this.keys = keys;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!properties.seed()
                || Boolean.TRUE.equals(tenants.idOfSlug(SLUG).hasElement().block())) {
            return;
        }
        String secret = seed().block();
        if (properties.keyFile() != null && secret != null) {
            // The start script shows it from this file once and deletes it, so it never lands in a log file.
            write(properties.keyFile(), secret);
            log.info("Demo API key written to {}", properties.keyFile());
        } else {
            log.warn("Demo API key (shown once): {}", secret);
        }
    }

    private Mono<String> seed() {
        return providers
                .idOfName("mock")
                .switchIfEmpty(Mono.defer(() -> providers.createForSystem("mock", "mock")))
                .flatMap(this::seedModels)
                .then(tenants.createForSystem("Demo", SLUG))
                .flatMap(tenant -> keys.createForSystem(tenant, "demo-app", MODELS));
    }

    private Mono<Void> seedModels(UUID provider) {
        // A model left from an earlier demo is kept as it is.
        return reactor.core.publisher.Flux.fromIterable(MODELS)
                .concatMap(model -> routes.createForSystem(model, provider).onErrorComplete())
                .then();
    }

    private static void write(Path file, String secret) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, secret + "\n");
    }
}
