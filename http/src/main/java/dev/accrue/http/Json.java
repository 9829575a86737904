package dev.accrue.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

/** JSON in and out. Responses are built as plain maps and lists so the wire shape is visible in the code. */
final class Json {
    static final String CONTENT_TYPE = "application/json";
    static final String PROBLEM_CONTENT_TYPE = "application/problem+json";
    /** Nesting of a JSON request body. */
    static final int NESTING_DEPTH_MAX = 16;
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(NESTING_DEPTH_MAX).build());
    }

    private Json() {}

    static void respond(Context ctx, int status, Object body) {
        ctx.status(status).contentType(CONTENT_TYPE).result(write(body));
    }

    static String write(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response is not serializable: " + e.getMessage(), e);
        }
    }

    /** The body as a JSON object, or a 400/415 saying why not. */
    static ObjectNode objectBody(Context ctx) {
        String type = ctx.contentType();
        if (type != null && !type.toLowerCase(java.util.Locale.ROOT).startsWith(CONTENT_TYPE)) {
            throw ApiException.unsupportedMediaType("send " + CONTENT_TYPE + ", not " + type);
        }
        JsonNode node;
        try {
            String body = ctx.body();
            node = body.isBlank() ? null : MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the body is not JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) throw ApiException.badRequest("the body must be a JSON object");
        return object;
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not parse: " + e.getMessage(), e);
        }
    }
}
