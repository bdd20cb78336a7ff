package dev.tollgate.usage.reconcile;

import dev.tollgate.usage.system.BlockingRedis;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
class ReconcileConfiguration {

    @Bean
    Reconciler reconciler(
            BlockingRedis redis, LedgerSpend ledger, DriftRepository drift, ReconcileProperties properties) {
        return new Reconciler(new SpendCounters(redis), ledger, drift, properties);
    }

    @Bean
    ReconcileSchedule reconcileSchedule(Reconciler reconciler, ReconcileProperties properties) {
        return new ReconcileSchedule(reconciler, properties);
    }

    @Bean
    RouterFunction<ServerResponse> driftRoutes(DriftRepository drift) {
        DriftHandler handler = new DriftHandler(drift);
        return RouterFunctions.route()
                .GET("/api/v1/reconciliation/drift", handler::drift)
                .build();
    }
}
