package dev.tollgate.gateway.provider.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

class BedrockSignerTests {

    static final Clock MAY_24_2013 = Clock.fixed(Instant.parse("2013-05-24T00:00:00Z"), ZoneOffset.UTC);

    /**
     * AWS's published SigV4 example "GET Object" (Amazon S3 API Reference, "Signature Calculations for the
     * Authorization Header: Transferring Payload in a Single Chunk"), which, like every request the SDK signs, carries
     * {@code x-amz-content-sha256}.
     */
    @Test
    void signsAwsPublishedExampleRequestToItsPublishedSignature() {
        BedrockSigner signer = new BedrockSigner(MAY_24_2013);

        HttpHeaders signed = signer.sign(
                SdkHttpMethod.GET,
                URI.create("https://examplebucket.s3.amazonaws.com/test.txt"),
                Map.of("Range", "bytes=0-9"),
                new byte[0],
                "s3",
                "us-east-1",
                AwsCredentialsIdentity.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));

        assertThat(signed.getFirst("x-amz-date")).isEqualTo("20130524T000000Z");
        assertThat(signed.getFirst("x-amz-content-sha256"))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(signed.getFirst(HttpHeaders.AUTHORIZATION))
                .isEqualTo("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                        + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                        + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    }

    /**
     * A Converse request for an inference profile, whose {@code :} travels as {@code %3A} and is encoded once more in
     * the canonical request, as AWS requires for every service but S3. Checked against SigV4 computed step by step.
     */
    @Test
    void signsABedrockRequestWithAnEncodedModelIdAsAwsSpecifies() throws Exception {
        BedrockTarget target = new BedrockTarget(
                URI.create("https://bedrock-runtime.us-east-1.amazonaws.com"),
                "us-east-1",
                "AKIDEXAMPLE",
                "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                "us.anthropic.claude-sonnet-4-5-20250929-v1:0");
        URI uri = target.uri("converse");
        byte[] body = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Hello!\"}]}]}"
                .getBytes(StandardCharsets.UTF_8);

        HttpHeaders signed = new BedrockSigner(MAY_24_2013).sign(uri, body, target);

        assertThat(uri.getRawPath()).isEqualTo("/model/us.anthropic.claude-sonnet-4-5-20250929-v1%3A0/converse");
        assertThat(signed.getFirst(HttpHeaders.HOST)).isEqualTo("bedrock-runtime.us-east-1.amazonaws.com");
        assertThat(signed.getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo(stepByStep(body));
    }

    // SigV4 as the AWS General Reference spells it out, for the request above.
    private static String stepByStep(byte[] body) throws Exception {
        String payloadHash = hex(MessageDigest.getInstance("SHA-256").digest(body));
        String signedHeaders = "content-type;host;x-amz-content-sha256;x-amz-date";
        String canonical = String.join(
                "\n",
                "POST",
                "/model/us.anthropic.claude-sonnet-4-5-20250929-v1%253A0/converse",
                "",
                "content-type:application/json",
                "host:bedrock-runtime.us-east-1.amazonaws.com",
                "x-amz-content-sha256:" + payloadHash,
                "x-amz-date:20130524T000000Z",
                "",
                signedHeaders,
                payloadHash);
        String scope = "20130524/us-east-1/bedrock/aws4_request";
        String toSign = String.join(
                "\n",
                "AWS4-HMAC-SHA256",
                "20130524T000000Z",
                scope,
                hex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8))));
        byte[] key =
                hmac(("AWS4wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY").getBytes(StandardCharsets.UTF_8), "20130524");
        for (String part : new String[] {"us-east-1", "bedrock", "aws4_request"}) {
            key = hmac(key, part);
        }
        return "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/" + scope + ", SignedHeaders=" + signedHeaders + ", Signature="
                + hex(hmac(key, toSign));
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
