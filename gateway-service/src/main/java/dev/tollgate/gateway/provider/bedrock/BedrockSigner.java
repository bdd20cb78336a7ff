package dev.tollgate.gateway.provider.bedrock;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signs Bedrock requests with AWS Signature Version 4, using the AWS SDK's own signer (without any SDK client). It
 * hashes the body and HMACs a few strings: pure CPU on bytes already in memory, so it runs on the event loop.
 *
 * <p>The signature covers {@code host}, {@code content-type}, {@code x-amz-date} and {@code x-amz-content-sha256}
 * (the SDK always sends the payload hash); headers sent besides those, such as {@code accept}, are not signed.
 */
final class BedrockSigner {

    static final String SERVICE = "bedrock";

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final Clock clock;

    BedrockSigner(Clock clock) {
        this.clock = clock;
    }

    /** The headers that authenticate a JSON {@code POST} of {@code body} to {@code uri} for {@code target}. */
    HttpHeaders sign(URI uri, byte[] body, BedrockTarget target) {
        return sign(
                SdkHttpMethod.POST,
                uri,
                Map.of(HttpHeaders.CONTENT_TYPE, "application/json"),
                body,
                SERVICE,
                target.region(),
                AwsCredentialsIdentity.create(target.accessKeyId(), target.secretAccessKey()));
    }

    /** Signs any request for any service: the signed request's headers, those given included. */
    HttpHeaders sign(
            SdkHttpMethod method,
            URI uri,
            Map<String, String> headers,
            byte[] body,
            String service,
            String region,
            AwsCredentialsIdentity credentials) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(method).uri(uri);
        headers.forEach(request::putHeader);
        SignedRequest signed = signer.sign(sign -> sign.identity(credentials)
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock));
        HttpHeaders result = new HttpHeaders();
        signed.request().forEachHeader((name, values) -> result.addAll(name, values));
        return result;
    }
}
