package dev.tollgate.admin.provider;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.admin.system.AdminException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

class BaseUrlValidatorTests {

    final BaseUrlValidator strict = new BaseUrlValidator(new ProviderProperties(false));
    final BaseUrlValidator permissive = new BaseUrlValidator(new ProviderProperties(true));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://169.254.169.254/latest/meta-data",
                "http://127.0.0.1:8080",
                "http://10.0.0.1/v1",
                "http://172.16.4.2",
                "http://192.168.1.1",
                "http://[::1]:8080",
                "http://[fd00::1]",
                "http://[fe80::1]",
                "http://0.0.0.0"
            })
    void rejectsInternalAddresses(String url) {
        strict.validate(url).as(StepVerifier::create).verifyError(AdminException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://user:secret@api.openai.com/v1",
                "https://api.openai.com/v1#fragment",
                "ftp://api.openai.com",
                "http://metadata.google.internal/computeMetadata",
                "not a url"
            })
    void rejectsMalformedOrDisguisedUrls(String url) {
        assertThatThrownBy(() -> strict.validate(url)).isInstanceOf(AdminException.class);
    }

    @Test
    void allowsLoopbackWhenPrivateUpstreamsAreAllowed() {
        permissive
                .validate("http://127.0.0.1:8080/v1/")
                .as(StepVerifier::create)
                .expectNext("http://127.0.0.1:8080/v1")
                .verifyComplete();
    }

    @Test
    void keepsRefusingMetadataAddressWhenPrivateUpstreamsAreAllowed() {
        permissive.validate("http://169.254.169.254").as(StepVerifier::create).verifyError(AdminException.class);
    }

    @Test
    void acceptsPublicAddress() {
        strict.validate("https://8.8.8.8/v1")
                .as(StepVerifier::create)
                .expectNext("https://8.8.8.8/v1")
                .verifyComplete();
    }
}
