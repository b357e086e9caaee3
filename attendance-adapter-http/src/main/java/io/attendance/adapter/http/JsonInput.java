package io.attendance.adapter.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attendance.domain.error.FieldErrors;
import io.attendance.domain.error.ValidationFailed;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads request bodies as JSON trees and takes typed values out of them, reporting every value of
 * the wrong JSON type into a {@link FieldErrors} instead of stopping at the first. A JSON null is the
 * same as an absent field; unknown fields are ignored. What the values mean is checked afterwards,
 * when they become domain values.
 */
final class JsonInput {
    static final String BODY = "body";

    private final FieldErrors errors;
    private final String prefix;

    /** @param prefix what the fields of this object are called in the request, such as {@code [3].} */
    JsonInput(FieldErrors errors, String prefix) {
        this.errors = errors;
        this.prefix = prefix;
    }

    JsonInput(FieldErrors errors) {
        this(errors, "");
    }

    /**
     * @param required what the body should be, told when there is none: "a JSON object with ..."
     * @throws ValidationFailed on {@code body} when it is empty, not JSON, or not a JSON object
     */
    static JsonNode object(ObjectMapper json, byte[] body, String required) {
        JsonNode root = read(json, body, required);
        if (!root.isObject()) {
            throw new ValidationFailed(BODY, "must be a JSON object, was " + describe(root));
        }
        return root;
    }

    /** Like {@link #object} for a body that must be a JSON array. */
    static JsonNode array(ObjectMapper json, byte[] body, String required) {
        JsonNode root = read(json, body, required);
        if (!root.isArray()) {
            throw new ValidationFailed(BODY, "must be a JSON array, was " + describe(root));
        }
        return root;
    }

    /** The string value of {@code field}: null when absent or null, and an error when not a string. */
    String text(JsonNode object, String field) {
        return value(object, field, JsonNode::isTextual, JsonNode::textValue, "must be a JSON string");
    }

    /** The boolean value of {@code field}: null when absent or null, and an error when not true or false. */
    Boolean bool(JsonNode object, String field) {
        return value(object, field, JsonNode::isBoolean, JsonNode::booleanValue, "must be true or false");
    }

    /**
     * The strings of the array {@code field}: null when absent or null, and an error when it is not an
     * array of at most {@code maxItems} strings.
     */
    List<String> texts(JsonNode object, String field, int maxItems) {
        JsonNode array = value(object, field, JsonNode::isArray, node -> node, "must be a JSON array of strings");
        if (array == null) {
            return null;
        }
        if (array.size() > maxItems) {
            errors.add(prefix + field, "must have at most " + maxItems + " items, had " + array.size());
            return null;
        }
        List<String> texts = new ArrayList<>(array.size());
        for (int index = 0; index < array.size(); index++) {
            JsonNode item = array.get(index);
            if (!item.isTextual()) {
                errors.add(prefix + field + "[" + index + "]", "must be a JSON string, was " + describe(item));
                return null;
            }
            texts.add(item.textValue());
        }
        return texts;
    }

    private <T> T value(JsonNode object, String field, Predicate<JsonNode> isOfType, Function<JsonNode, T> read,
            String requirement) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (isOfType.test(value)) {
            return read.apply(value);
        }
        errors.add(prefix + field, requirement + ", was " + describe(value));
        return null;
    }

    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "not a JSON value";
        };
    }

    private static JsonNode read(ObjectMapper json, byte[] body, String required) {
        if (body.length == 0) {
            throw new ValidationFailed(BODY, "is required: " + required);
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ValidationFailed(BODY, "is not valid JSON" + where(e.getLocation()));
        } catch (IOException e) {
            throw new ValidationFailed(BODY, "is not valid JSON");
        }
        if (root == null || root.isMissingNode()) {
            throw new ValidationFailed(BODY, "is required: " + required);
        }
        return root;
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
