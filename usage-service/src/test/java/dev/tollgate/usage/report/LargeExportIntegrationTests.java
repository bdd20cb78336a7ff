package dev.tollgate.usage.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.testsupport.TestInfrastructure;
import dev.tollgate.usage.TestTokens;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import redis.clients.jedis.JedisPooled;

/**
 * A million requests of one tenant in one month, priced at awkward sub-cent per-token rates, written straight into the
 * ledger with generate_series and rolled up with the same sums the ingester keeps.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class LargeExportIntegrationTests {

    static final int REQUESTS = 1_000_000;
    static final String TENANT = UUID.randomUUID().toString();
    static final JedisPooled redis = new JedisPooled(TestInfrastructure.redisUri());

    @Autowired
    WebTestClient client;

    @Autowired
    DataSource dataSource;

    final String finance = TestTokens.apiToken(redis, "FINANCE", null);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ReportTestSupport.register(registry);
    }

    @BeforeAll
    static void seedAMillionRequests(@Autowired DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // 2,000 keys, 7 models, 3 teams; every 50th request unpriced; costs with ten fractional digits. Event ids
        // ascend (a per-run prefix, then i) so the primary key index is appended to, which keeps the setup quick.
        jdbc.update("""
                insert into usage_ledger (event_id, occurred_at, tenant_id, key_id, model, provider, end_user, tags,
                                          prompt_tokens, completion_tokens, cached_tokens, reasoning_tokens,
                                          cost_usd, priced)
                select (substr(md5(?), 1, 16) || lpad(to_hex(i), 16, '0'))::uuid,
                       timestamptz '2034-01-01 00:00:00+00' + (i %% 2678400) * interval '1 second',
                       ?::uuid, md5('key' || (i %% 2000))::uuid, 'model-' || (i %% 7), 'openai', 'user-' || (i %% 11),
                       jsonb_build_object('team', 'team-' || (i %% 3)),
                       i %% 997 + 1, i %% 301, i %% 13, i %% 5,
                       case when i %% 50 = 0 then null
                            else (i %% 997 + 1) * 0.0000001375 + (i %% 301) * 0.0000006123 end,
                       i %% 50 <> 0
                from generate_series(1, %d) as i
                """.formatted(REQUESTS), TENANT, TENANT);
        // Only the day rollup: a whole UTC month reads nothing else, and it halves the setup.
        jdbc.update("""
                    insert into usage_rollup_day (bucket, tenant_id, key_id, model, provider, end_user, cost_center,
                                                  requests, unpriced_requests, prompt_tokens, completion_tokens,
                                                  cached_tokens, reasoning_tokens, cost_usd)
                    select (occurred_at at time zone 'UTC')::date, tenant_id, key_id, coalesce(model, ''),
                           coalesce(provider, ''), coalesce(end_user, ''), coalesce(cost_center, ''), count(*), count(*) filter (where not priced), sum(prompt_tokens),
                           sum(completion_tokens), sum(cached_tokens), sum(reasoning_tokens),
                           coalesce(sum(cost_usd), 0)
                    from usage_ledger where tenant_id = ?::uuid group by 1, 2, 3, 4, 5, 6, 7
                    """, TENANT);
    }

    @AfterAll
    static void removeThem(@Autowired DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String table : List.of("usage_ledger", "usage_rollup_day")) {
            jdbc.update("delete from " + table + " where tenant_id = ?::uuid", TENANT);
        }
        redis.close();
    }

    @Test
    void printsATotalThatIsExactlyTheSumOfItsRowsAndOfTheLedger() {
        String csv = export("group_by=key,tag:team&format=csv&totals=true");

        List<String[]> rows = rows(csv);
        String[] total = rows.getLast();
        List<String[]> lines = rows.subList(0, rows.size() - 1);
        assertThat(total[0]).isEqualTo("TOTAL");
        assertThat(lines).hasSize(6_000);
        assertThat(sum(lines, 7)).isEqualTo(new BigDecimal(total[7]));
        assertThat(new BigDecimal(total[7])).isEqualTo(ledgerCost());
        assertThat(lines.stream().mapToLong(line -> Long.parseLong(line[2])).sum())
                .isEqualTo(Long.parseLong(total[2]))
                .isEqualTo(REQUESTS);
        assertThat(total[9]).isEqualTo(String.valueOf(REQUESTS / 50));
    }

    @Test
    void givesTheSameTotalsFromRollupsAsFromTheLedger() {
        String fromRollups = export("group_by=key,model&format=csv&totals=true");
        String fromLedger = export("group_by=key,model,tag:team&format=csv&totals=true");

        String[] rollupTotal = rows(fromRollups).getLast();
        String[] ledgerTotal = rows(fromLedger).getLast();
        // Same amounts after the extra tag column the ledger-only grouping carries.
        assertThat(Arrays.copyOfRange(rollupTotal, 2, rollupTotal.length))
                .containsExactly(Arrays.copyOfRange(ledgerTotal, 3, ledgerTotal.length));
    }

    private String export(String query) {
        return ReportTestSupport.get(
                client,
                finance,
                "/api/v1/reports/chargeback?from=2034-01-01&to=2034-02-01&tenant=" + TENANT + "&" + query);
    }

    // No field in these exports needs quoting: ids, generated names and numbers.
    private static List<String[]> rows(String csv) {
        List<String> lines = List.of(csv.split("\r\n"));
        return lines.subList(1, lines.size()).stream()
                .map(line -> line.split(",", -1))
                .toList();
    }

    private static BigDecimal sum(List<String[]> rows, int column) {
        return rows.stream().map(row -> new BigDecimal(row[column])).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private BigDecimal ledgerCost() {
        return new JdbcTemplate(dataSource)
                .queryForObject(
                        "select sum(cost_usd) from usage_ledger where tenant_id = ?::uuid", BigDecimal.class, TENANT);
    }
}
