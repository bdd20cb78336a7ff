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
            ChargebackRepository chargeback, LineItemRepository lineItems, DailyRepository daily) {
        Clock clock = Clock.systemUTC();
        ChargebackHandler chargebackHandler = new ChargebackHandler(chargeback, clock);
        LineItemHandler lineItemHandler = new LineItemHandler(lineItems, clock);
        DailyHandler dailyHandler = new DailyHandler(daily, clock);
        return RouterFunctions.route()
                .GET("/api/v1/reports/chargeback", chargebackHandler::chargeback)
                .GET("/api/v1/reports/line-items", lineItemHandler::lineItems)
                .GET("/api/v1/reports/daily", dailyHandler::daily)
                .build();
    }
}
