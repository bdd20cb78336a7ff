package dev.tollgate.usage.report;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
class ReportConfiguration {

    @Bean
    RouterFunction<ServerResponse> reportRoutes(
            ChargebackRepository chargeback,
            LineItemRepository lineItems,
            DailyRepository daily,
            GuardrailRepository guardrails,
            CacheRepository cache,
            TemplateRepository templates) {
        Clock clock = Clock.systemUTC();
        ChargebackHandler chargebackHandler = new ChargebackHandler(chargeback, clock);
        LineItemHandler lineItemHandler = new LineItemHandler(lineItems, clock);
        DailyHandler dailyHandler = new DailyHandler(daily, clock);
        GuardrailHandler guardrailHandler = new GuardrailHandler(guardrails, clock);
        CacheHandler cacheHandler = new CacheHandler(cache, clock);
        TemplateHandler templateHandler = new TemplateHandler(templates, clock);
        return RouterFunctions.route()
                .GET("/api/v1/reports/chargeback", chargebackHandler::chargeback)
                .GET("/api/v1/reports/line-items", lineItemHandler::lineItems)
                .GET("/api/v1/reports/daily", dailyHandler::daily)
                .GET("/api/v1/reports/guardrails", guardrailHandler::counts)
                .GET("/api/v1/reports/guardrails/events", guardrailHandler::events)
                .GET("/api/v1/reports/cache", cacheHandler::cache)
                .GET("/api/v1/reports/templates", templateHandler::templates)
                .build();
    }
}
