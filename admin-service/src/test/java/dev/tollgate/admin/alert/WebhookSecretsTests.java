package dev.tollgate.admin.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSecretsTests {

    @Test
    void signsTimestampDotBodyWithHmacSha256AsDocumented() {
        // Reference value: printf '%s' '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
        String signature = WebhookSecrets.signature("whsec_test", 1_700_000_000L, "{\"a\":1}");

        assertThat(signature).isEqualTo("sha256=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789");
    }

    @Test
    void makesLongDistinctSecrets() {
        String one = WebhookSecrets.newSecret();

        assertThat(one).startsWith("whsec_").hasSize("whsec_".length() + 43);
        assertThat(WebhookSecrets.newSecret()).isNotEqualTo(one);
    }
}
