package dev.tollgate.usage.ledger;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The JDBC connection the ledger writes through, bound from {@code tollgate.ledger.jdbc}. The same database as
 * {@code spring.r2dbc}, reached over JDBC because the ingest thread is blocking code.
 *
 * @param url JDBC URL; its {@code currentSchema} must be the service's schema, {@code tollgate_usage}
 * @param username database user
 * @param password database password; from the environment, never defaulted here
 * @param poolSize connections kept; the one ingest thread needs one, the second covers health checks
 */
@ConfigurationProperties("tollgate.ledger.jdbc")
record LedgerProperties(
        String url,
        String username,
        String password,
        @DefaultValue("2") int poolSize) {

    LedgerProperties {
        if (poolSize < 1) {
            throw new IllegalArgumentException("tollgate.ledger.jdbc.pool-size must be at least 1");
        }
    }

    @Override
    public String toString() {
        return "LedgerProperties[url=" + url + ", username=" + username + ", poolSize=" + poolSize + "]";
    }
}
