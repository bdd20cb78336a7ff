package dev.tollgate.gateway.usage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class UsageTagsTests {

    @Test
    void readsTagHeadersBoundedInCountAndLength() {
        HttpHeaders headers = new HttpHeaders();
        for (int i = 0; i < 20; i++) {
            headers.add("X-Tollgate-Tag-t" + (char) ('a' + i), "v");
        }
        headers.add("x-tollgate-tag-Bad Name!", "ignored");
        headers.add("x-tollgate-tag-long", "x".repeat(1000));

        var tags = UsageTags.of(headers);

        assertThat(tags).hasSize(UsageTags.MAX_TAGS).containsKey("long").doesNotContainKey("tt");
        assertThat(tags.get("long")).hasSize(UsageTags.MAX_VALUE);
    }

    @Test
    void takesTheEndUserFromItsHeaderWhenTheBodyNamesNone() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("x-tollgate-user", "  alice ");

        assertThat(UsageTags.endUser(headers)).isEqualTo("alice");
        assertThat(UsageTags.endUser(new HttpHeaders())).isNull();
    }
}
