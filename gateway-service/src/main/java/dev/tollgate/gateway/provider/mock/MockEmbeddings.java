package dev.tollgate.gateway.provider.mock;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/** Unit vectors derived from the text's SHA-256: the same text always embeds to the same vector. */
final class MockEmbeddings {

    private MockEmbeddings() {}

    static List<Float> vector(String text, int dimensions) {
        SplittableRandom random = new SplittableRandom(seed(text));
        double[] raw = new double[dimensions];
        double norm = 0;
        for (int i = 0; i < dimensions; i++) {
            raw[i] = random.nextDouble(-1, 1);
            norm += raw[i] * raw[i];
        }
        List<Float> vector = new ArrayList<>(dimensions);
        for (double value : raw) {
            vector.add((float) (value / Math.sqrt(norm)));
        }
        return vector;
    }

    /** OpenAI's {@code encoding_format: base64}: little-endian float32s. */
    static String base64(List<Float> vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.size() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        vector.forEach(bytes::putFloat);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    private static long seed(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM ships SHA-256", impossible);
        }
    }
}
