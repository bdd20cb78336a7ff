package dev.tollgate.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.testing.ControlPlane;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/** Malformed, oversized and hostile input gets a clear 4xx in OpenAI's envelope, never a 500 or a stack trace. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tollgate.api.max-body-size=64KB")
@AutoConfigureWebTestClient
class BadInputIntegrationTests {

    static final ControlPlane controlPlane = new ControlPlane();
    static final String KEY = controlPlane.key("*");

    @Autowired
    WebTestClient client;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @BeforeEach
    void authenticate() {
        client = client.mutate().defaultHeader("Authorization", "Bearer " + KEY).build();
    }

    @AfterAll
    static void cleanUp() {
        controlPlane.close();
    }

    @Test
    void aStringWhereABooleanBelongsIsRejectedNotCoerced() {
        expectError(
                        post("{\"model\":\"mock-chat\",\"stream\":\"true\",\"messages\":" + HELLO + "}"),
                        HttpStatus.BAD_REQUEST,
                        "invalid_request")
                .jsonPath("$.error.param")
                .isEqualTo("stream")
                .jsonPath("$.error.message")
                .isEqualTo("Invalid type for 'stream': expected a boolean.");
    }

    @Test
    void aFractionWhereAnIntegerBelongsIsRejected() {
        expectError(
                        post("{\"model\":\"mock-chat\",\"max_tokens\":1.5,\"messages\":" + HELLO + "}"),
                        HttpStatus.BAD_REQUEST,
                        "invalid_request")
                .jsonPath("$.error.param")
                .isEqualTo("max_tokens");
    }

    @Test
    void aNumberWhereAStringBelongsIsRejected() {
        expectError(post("{\"model\":42,\"messages\":" + HELLO + "}"), HttpStatus.BAD_REQUEST, "invalid_request")
                .jsonPath("$.error.param")
                .isEqualTo("model");
    }

    @Test
    void wronglyTypedMessageContentNamesTheField() {
        expectError(
                        post("{\"model\":\"mock-chat\",\"messages\":[{\"role\":\"user\",\"content\":{\"a\":1}}]}"),
                        HttpStatus.BAD_REQUEST,
                        "invalid_request")
                .jsonPath("$.error.param")
                .isEqualTo("messages[0].content");
    }

    @Test
    void invalidUtf8IsRejected() {
        byte[] head = "{\"model\":\"mock-chat\",\"messages\":[{\"role\":\"user\",\"content\":\""
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"}]}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        body[head.length] = (byte) 0xC3; // a two-byte lead followed by a byte that cannot continue it
        body[head.length + 1] = (byte) 0x28;
        System.arraycopy(tail, 0, body, head.length + 2, tail.length);

        expectError(post(body), HttpStatus.BAD_REQUEST, "invalid_json")
                .jsonPath("$.error.message")
                .value(message -> assertThat((String) message).containsIgnoringCase("UTF-8"));
    }

    @Test
    void nestingBeyondTheCapIsRejected() {
        String deep = "[".repeat(200) + "]".repeat(200);

        expectError(
                        post("{\"model\":\"mock-chat\",\"messages\":" + HELLO + ",\"metadata_x\":" + deep + "}"),
                        HttpStatus.BAD_REQUEST,
                        "invalid_json")
                .jsonPath("$.error.message")
                .isEqualTo("The JSON body is nested too deeply.");
    }

    @Test
    void anOversizedBodyIsRejectedWithContentTooLarge() {
        String big = "{\"model\":\"mock-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(70_000)
                + "\"}]}";

        expectError(post(big), HttpStatus.CONTENT_TOO_LARGE, "request_too_large");
    }

    @Test
    void anOversizedChunkedBodyWithoutContentLengthIsRejectedToo() {
        Flux<DataBuffer> chunks = Flux.range(0, 100)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(
                        "x".repeat(1024).getBytes(StandardCharsets.UTF_8)));

        WebTestClient.ResponseSpec response = client.post()
                .uri("/v1/chat/completions")
                .contentType(MediaType.APPLICATION_JSON)
                .body(chunks, DataBuffer.class)
                .exchange();

        expectError(response, HttpStatus.CONTENT_TOO_LARGE, "request_too_large");
    }

    @Test
    void bodiesThatAreNotAJsonObjectAreRejected() {
        expectError(post("not json"), HttpStatus.BAD_REQUEST, "invalid_json");
        expectError(post(""), HttpStatus.BAD_REQUEST, "invalid_json");
        expectError(post("[1,2]"), HttpStatus.BAD_REQUEST, "invalid_request");
        expectError(post("{\"model\":\"mock-chat\"} trailing"), HttpStatus.BAD_REQUEST, "invalid_json");
    }

    @Test
    void aDuplicatedKeyIsRejectedSoNoCheckSeesADifferentValueThanTheUpstream() {
        expectError(
                        post("{\"model\":\"mock-chat\",\"model\":\"gpt-4o\",\"messages\":" + HELLO + "}"),
                        HttpStatus.BAD_REQUEST,
                        "invalid_json")
                .jsonPath("$.error.message")
                .value(message -> assertThat((String) message).contains("Duplicate Object property \"model\""));
    }

    @Test
    void missingOrInvalidFieldsAreNamed() {
        expectError(post("{\"model\":\"mock-chat\"}"), HttpStatus.BAD_REQUEST, "invalid_request")
                .jsonPath("$.error.param")
                .isEqualTo("messages");
        expectError(post("{\"messages\":" + HELLO + "}"), HttpStatus.BAD_REQUEST, "invalid_request")
                .jsonPath("$.error.param")
                .isEqualTo("model");
        expectError(
                        post("{\"model\":\"mock-chat\",\"messages\":[{\"role\":\"wizard\",\"content\":\"x\"}]}"),
                        HttpStatus.BAD_REQUEST,
                        "invalid_request")
                .jsonPath("$.error.param")
                .isEqualTo("messages[0].role");
        expectError(
                        post("{\"model\":\"mock-chat\",\"n\":0,\"messages\":" + HELLO + "}"),
                        HttpStatus.BAD_REQUEST,
                        "invalid_request")
                .jsonPath("$.error.param")
                .isEqualTo("n");
    }

    @Test
    void anEmbeddingRequestWithoutInputIsRejected() {
        WebTestClient.ResponseSpec response = client.post()
                .uri("/v1/embeddings")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"mock-embedding\",\"input\":[]}")
                .exchange();

        expectError(response, HttpStatus.BAD_REQUEST, "invalid_request")
                .jsonPath("$.error.param")
                .isEqualTo("input");
    }

    @Test
    void aNonJsonContentTypeIsUnsupported() {
        WebTestClient.ResponseSpec response = client.post()
                .uri("/v1/chat/completions")
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("{\"model\":\"mock-chat\",\"messages\":" + HELLO + "}")
                .exchange();

        expectError(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
    }

    @Test
    void aMalformedContentTypeIsUnsupportedNotAServerError() {
        // WebTestClient refuses to send an invalid media type, so this one goes out over a raw connection.
        var response = reactor.netty.http.client.HttpClient.create()
                .headers(headers -> headers.set("Content-Type", "garbage").set("Authorization", "Bearer " + KEY))
                .post()
                .uri("http://127.0.0.1:" + port + "/v1/chat/completions")
                .send(reactor.netty.ByteBufFlux.fromString(
                        reactor.core.publisher.Mono.just("{\"model\":\"mock-chat\",\"messages\":" + HELLO + "}")))
                .responseSingle((head, body) ->
                        body.asString().map(text -> head.status().code() + " " + text))
                .block(java.time.Duration.ofSeconds(5));

        assertThat(response).startsWith("415 ").contains("\"code\":\"unsupported_media_type\"");
    }

    @Test
    void aNullContentPartIsRejectedNotAServerError() {
        expectError(
                        post("{\"model\":\"mock-chat\",\"messages\":[{\"role\":\"user\",\"content\":[null]}]}"),
                        HttpStatus.BAD_REQUEST,
                        "invalid_request")
                .jsonPath("$.error.param")
                .isEqualTo("messages[0].content");
    }

    @Test
    void embeddingDimensionsOutOfRangeAreRejected() {
        for (String dimensions : new String[] {"-1", "0", "100000", "4096"}) {
            WebTestClient.ResponseSpec response = client.post()
                    .uri("/v1/embeddings")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"model\":\"mock-embedding\",\"input\":\"a\",\"dimensions\":" + dimensions + "}")
                    .exchange();

            expectError(response, HttpStatus.BAD_REQUEST, "invalid_request")
                    .jsonPath("$.error.param")
                    .isEqualTo("dimensions");
        }
    }

    @Test
    void unknownRoutesAndMethodsGetTheEnvelopeToo() {
        expectError(client.get().uri("/v1/nothing-here").exchange(), HttpStatus.NOT_FOUND, "unknown_url");
        expectError(
                client.get().uri("/v1/chat/completions").exchange(),
                HttpStatus.METHOD_NOT_ALLOWED,
                "method_not_allowed");
        client.delete().uri("/v1/models").exchange().expectHeader().valueEquals("Allow", "GET");
    }

    @Test
    void anUnknownModelIsNotFoundForEveryEndpoint() {
        expectError(post("{\"model\":\"gpt-9\",\"messages\":" + HELLO + "}"), HttpStatus.NOT_FOUND, "model_not_found");
        expectError(client.get().uri("/v1/models/gpt-9").exchange(), HttpStatus.NOT_FOUND, "model_not_found");
    }

    static final String HELLO = "[{\"role\":\"user\",\"content\":\"Hello\"}]";

    private WebTestClient.ResponseSpec post(String body) {
        return post(body.getBytes(StandardCharsets.UTF_8));
    }

    private WebTestClient.ResponseSpec post(byte[] body) {
        return client.post()
                .uri("/v1/chat/completions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private static WebTestClient.BodyContentSpec expectError(
            WebTestClient.ResponseSpec response, HttpStatus status, String code) {
        return response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader()
                .exists("x-request-id")
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo(code)
                .jsonPath("$.error.type")
                .isEqualTo("invalid_request_error")
                .jsonPath("$.error.message")
                .value(message -> assertThat((String) message).doesNotContain("Exception", "\tat ", "tools.jackson"));
    }
}
