package dev.tollgate.usage.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.testsupport.TestInfrastructure;
import dev.tollgate.usage.TestTokens;
import dev.tollgate.usage.ledger.UsageLedger;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import redis.clients.jedis.JedisPooled;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ChargebackReportIntegrationTests {

    static final JedisPooled redis = new JedisPooled(TestInfrastructure.redisUri());

    @Autowired
    WebTestClient client;

    @Autowired
    UsageLedger ledger;

    @Autowired
    DataSource dataSource;

    @Autowired
    ChargebackRepository chargeback;

    @Autowired
    DailyRepository daily;

    final String admin = TestTokens.apiToken(redis, "PLATFORM_ADMIN", null);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ReportTestSupport.register(registry);
    }

    @BeforeEach
    void seedGoldenData() {
        GoldenData.remove(dataSource);
        ledger.append(GoldenData.events());
    }

    @AfterEach
    void removeGoldenData() {
        GoldenData.remove(dataSource);
    }

    @AfterAll
    static void closeRedis() {
        redis.close();
    }

    @Test
    void exportsCsvExactlyAsTheGoldenFile() {
        String csv = ReportTestSupport.get(
                client,
                admin,
                "/api/v1/reports/chargeback?" + GoldenData.PERIOD
                        + "&group_by=tenant,cost_center,end_user,model&format=csv&totals=true");

        ReportTestSupport.keep("chargeback.csv", csv);
        assertThat(csv).isEqualTo(ReportTestSupport.golden("chargeback.csv"));
    }

    @Test
    void exportsJsonExactlyAsTheGoldenFile() {
        String json = ReportTestSupport.get(
                client, admin, "/api/v1/reports/chargeback?" + GoldenData.PERIOD + "&group_by=tenant,model,tag:team");

        ReportTestSupport.keep("chargeback.json", json);
        assertThat(json).isEqualTo(ReportTestSupport.golden("chargeback.json"));
    }

    @Test
    void choosesCsvFromTheAcceptHeaderAsADownload() {
        client.get()
                .uri("/api/v1/reports/chargeback?" + GoldenData.PERIOD)
                .header("Authorization", "Bearer " + admin)
                .accept(MediaType.parseMediaType("text/csv"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("text/csv;charset=UTF-8")
                .expectHeader()
                .valueEquals("Content-Disposition", "attachment; filename=\"chargeback_2031-01-01_2031-02-01.csv\"");
    }

    @Test
    void rollupsGiveTheLedgersAnswerForEveryGroupingTheyHold() {
        ReportScope utcMonth = scope(ReportPeriod.UTC);
        ReportScope berlinMonth = scope(ZoneId.of("Europe/Berlin"));
        List<List<Dimension>> groupings = List.of(
                Dimension.parseAll("tenant"),
                Dimension.parseAll("cost_center"),
                Dimension.parseAll("tenant,cost_center,key,model,provider,end_user"),
                Dimension.parseAll("end_user,model"));

        for (List<Dimension> groups : groupings) {
            List<ChargebackRow> fromLedger = rows(utcMonth, groups, ReportSource.LEDGER);
            assertThat(fromLedger).isNotEmpty();
            assertThat(rows(utcMonth, groups, ReportSource.DAY_ROLLUP)).isEqualTo(fromLedger);
            assertThat(rows(utcMonth, groups, ReportSource.HOUR_ROLLUP)).isEqualTo(fromLedger);
            assertThat(rows(berlinMonth, groups, ReportSource.HOUR_ROLLUP))
                    .isEqualTo(rows(berlinMonth, groups, ReportSource.LEDGER));
        }
        for (Dimension by : List.of(Dimension.of("tenant"), Dimension.of("model"))) {
            List<DailyPoint> fromLedger = points(utcMonth, by, ReportSource.LEDGER);
            assertThat(points(utcMonth, by, ReportSource.DAY_ROLLUP)).isEqualTo(fromLedger);
            assertThat(points(utcMonth, by, ReportSource.HOUR_ROLLUP)).isEqualTo(fromLedger);
            assertThat(points(berlinMonth, by, ReportSource.HOUR_ROLLUP))
                    .isEqualTo(points(berlinMonth, by, ReportSource.LEDGER));
        }
    }

    @Test
    void countsRequestsByTheDaysOfTheReportTimeZone() {
        // Midnight of 1 February in Kolkata is 18:30 UTC on 31 January: tenant B's 23:30 UTC request is February's,
        // and tenant A's request at 23:59:59 UTC on 31 December is January's.
        String csv = ReportTestSupport.get(
                client,
                admin,
                "/api/v1/reports/chargeback?" + GoldenData.PERIOD + "&timezone=Asia/Kolkata&format=csv&totals=true");

        assertThat(csv)
                .contains(GoldenData.TENANT_A + ",5,")
                .doesNotContain(GoldenData.TENANT_B)
                .endsWith("TOTAL,5,5000,1000,500,50,102.5001972095,USD,1\r\n");
    }

    @Test
    void sendsEveryRequestOfThePeriodAsALineItem() {
        String csv = ReportTestSupport.get(
                client,
                admin,
                "/api/v1/reports/line-items?" + GoldenData.PERIOD + "&tenant=" + GoldenData.TENANT_A + "&format=csv");

        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(lines.getFirst())
                .startsWith(
                        "event_id,occurred_at,tenant,cost_center,key,end_user,model,provider,upstream_model,status");
        assertThat(csv).contains(",2031-01-05T10:00:00.000000Z,").contains(",0.0000012345,USD,");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\")\"").contains("\"line\nbreak\"");
        assertThat(csv.split("\r\n(?=[0-9a-f]{8}-)")).hasSize(1 + 4);
    }

    @Test
    void sendsLineItemsAsJsonWithTypedValues() {
        client.get()
                .uri("/api/v1/reports/line-items?" + GoldenData.PERIOD + "&tenant=" + GoldenData.TENANT_A
                        + "&timezone=Europe/Berlin")
                .header("Authorization", "Bearer " + admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.timezone")
                .isEqualTo("Europe/Berlin")
                .jsonPath("$.items.length()")
                .isEqualTo(5) // 23:59:59 UTC on 31 December is 1 January in Berlin
                .jsonPath("$.items[1].occurred_at")
                .isEqualTo("2031-01-05T11:00:00.000000+01:00")
                .jsonPath("$.items[1].cost")
                .isEqualTo("0.0000012345")
                .jsonPath("$.items[1].prompt_tokens")
                .isEqualTo(1000)
                .jsonPath("$.items[1].priced")
                .isEqualTo(true)
                .jsonPath("$.items[1].tags.team")
                .isEqualTo("search")
                .jsonPath("$.items[3].cost")
                .doesNotExist()
                .jsonPath("$.items[3].error_code")
                .isEqualTo("model_not_priced");
    }

    @Test
    void drawsOneDailySeriesPerModelWithEveryDay() {
        client.get()
                .uri("/api/v1/reports/daily?" + GoldenData.PERIOD + "&tenant=" + GoldenData.TENANT_A + "&by=model")
                .header("Authorization", "Bearer " + admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.currency")
                .isEqualTo("USD")
                .jsonPath("$.series.length()")
                .isEqualTo(2)
                .jsonPath("$.series[0].group")
                .isEqualTo("gpt-4o-mini")
                .jsonPath("$.series[0].points.length()")
                .isEqualTo(31)
                .jsonPath("$.series[0].points[4].date")
                .isEqualTo("2031-01-05")
                .jsonPath("$.series[0].points[4].cost")
                .isEqualTo("0.0001972095")
                .jsonPath("$.series[0].points[4].requests")
                .isEqualTo(2)
                .jsonPath("$.series[0].points[4].tokens")
                .isEqualTo(2400)
                .jsonPath("$.series[1].group")
                .isEqualTo("o1");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "chargeback?from=2031-13-01|from",
                "chargeback?from=2031-01-01&to=2031-01-01|to",
                "chargeback?from=2030-01-01&to=2031-06-01|to",
                "chargeback?group_by=team|group_by",
                "chargeback?group_by=tenant,tenant|group_by",
                "chargeback?group_by=tag:no%20spaces|group_by",
                "chargeback?timezone=Mars/Olympus|timezone",
                "chargeback?timezone=%2B05:30|timezone",
                "chargeback?format=xlsx|format",
                "chargeback?tenant=acme|tenant",
                "chargeback?totals=yes|totals",
                "line-items?to=yesterday|to",
                "daily?by=key|by"
            })
    void refusesBadInputWithAProblemNamingTheParameter(String query, String parameter) {
        client.get()
                .uri("/api/v1/reports/" + query)
                .header("Authorization", "Bearer " + admin)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.parameter")
                .isEqualTo(parameter)
                .jsonPath("$.trace")
                .doesNotExist();
    }

    private static ReportScope scope(ZoneId zone) {
        return new ReportScope(new ReportPeriod(LocalDate.of(2031, 1, 1), LocalDate.of(2031, 2, 1), zone), null);
    }

    private List<ChargebackRow> rows(ReportScope scope, List<Dimension> groups, ReportSource source) {
        return chargeback.rows(scope, groups, source).collectList().block();
    }

    private List<DailyPoint> points(ReportScope scope, Dimension by, ReportSource source) {
        return daily.points(scope, by, source).collectList().block();
    }
}
