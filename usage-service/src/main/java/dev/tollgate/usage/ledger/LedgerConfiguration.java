package dev.tollgate.usage.ledger;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

    // Built here rather than by Boot: its DataSource auto-configuration backs off whenever R2DBC is configured.
    @Bean(destroyMethod = "close")
    HikariDataSource ledgerDataSource(LedgerProperties properties) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(properties.url());
        dataSource.setUsername(properties.username());
        dataSource.setPassword(properties.password());
        dataSource.setMaximumPoolSize(properties.poolSize());
        dataSource.setPoolName("ledger");
        dataSource.setConnectionTimeout(5_000); // fail a batch soon when the database is down; it stays pending
        return dataSource;
    }

    @Bean
    UsageLedger usageLedger(HikariDataSource ledgerDataSource) {
        return new UsageLedger(new JdbcTemplate(ledgerDataSource));
    }
}
