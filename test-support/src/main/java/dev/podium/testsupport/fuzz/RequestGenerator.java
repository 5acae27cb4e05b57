package dev.podium.testsupport.fuzz;

import dev.podium.testsupport.fuzz.OpenApiSpec.Operation;
import dev.podium.testsupport.fuzz.OpenApiSpec.Parameter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Generates requests for a spec's operations from one seed: mostly well-formed values that follow
 * the schema (so requests get past parsing into the handlers), each field swapped with some
 * probability for a hostile or wrongly typed value, and now and then a body that is not JSON at all.
 * Path and query parameters take one of the known values given (real ids, valid tokens) most of the
 * time, so requests reach real resources.
 */
final class RequestGenerator {

    private static final double FIELD_MUTATION = 0.2;
    private static final double RAW_BODY = 0.08;
    private static final double WRONG_CONTENT_TYPE = 0.04;
    private static final double KNOWN_PATH_VALUE = 0.75;
    private static final double ANONYMOUS = 0.15;

    private final OpenApiSpec spec;
    private final Map<String, List<String>> knownValues;
    private final Random random;

    RequestGenerator(OpenApiSpec spec, Map<String, List<String>> knownValues, long seed) {
        this.spec = spec;
        this.knownValues = knownValues;
        this.random = new Random(seed);
    }

    /** {@code count} requests, cycling through the operations so each gets its share. */
    List<FuzzRequest> generate(int count) {
        List<Operation> operations = spec.operations();
        List<FuzzRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(request(i + 1, operations.get(i % operations.size())));
        }
        return requests;
    }

    private FuzzRequest request(int number, Operation operation) {
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        for (Parameter parameter : operation.parameters()) {
            switch (parameter.in()) {
                case "path" -> path = path.replace("{" + parameter.name() + "}", pathValue(parameter));
                case "query" -> {
                    if (parameter.required() || random.nextBoolean()) {
                        query.append(query.length() == 0 ? '?' : '&').append(encode(parameter.name())).append('=')
                                .append(encode(text(parameterValue(parameter))));
                    }
                }
                default -> {
                    // headers and cookies are left to the HTTP client
                }
            }
        }
        String contentType = operation.bodyContentType();
        String body = null;
        if (contentType != null) {
            body = body(operation);
            if (random.nextDouble() < WRONG_CONTENT_TYPE) {
                contentType = random.nextBoolean() ? "text/plain" : "application/xml";
            }
        }
        FuzzRequest.Caller caller = random.nextDouble() < ANONYMOUS ? FuzzRequest.Caller.ANONYMOUS : FuzzRequest.Caller.PRIVILEGED;
        return new FuzzRequest(number, operation.toString(), operation.method(), path + query, contentType, body, caller);
    }

    private String body(Operation operation) {
        if (random.nextDouble() < RAW_BODY) {
            return HostileValues.rawBody(random);
        }
        if (!operation.bodyContentType().contains("json")) {
            List<String> lines = new ArrayList<>();
            for (int i = random.nextInt(4); i >= 0; i--) {
                lines.add(text(random.nextDouble() < FIELD_MUTATION ? HostileValues.string(random) : "Ada Lovelace")
                        + "," + text(random.nextDouble() < FIELD_MUTATION ? HostileValues.string(random) : email()));
            }
            return String.join("\n", lines);
        }
        return Json.write(value(operation.bodySchema(), 0));
    }

    private String pathValue(Parameter parameter) {
        List<String> known = knownValues.get(parameter.name());
        String value;
        if (known != null && !known.isEmpty() && random.nextDouble() < KNOWN_PATH_VALUE) {
            value = known.get(random.nextInt(known.size()));
        } else if (random.nextBoolean()) {
            value = HostileValues.string(random);
        } else {
            value = new UUID(random.nextLong(), random.nextLong()).toString();
        }
        // Mostly encoded; sometimes a raw traversal, which the router must not follow anywhere.
        if (value.isEmpty()) {
            return "%20";
        }
        return value.startsWith("../") && random.nextBoolean() ? "../" + encode(value.substring(3)) : encode(value);
    }

    private Object parameterValue(Parameter parameter) {
        if (random.nextDouble() < FIELD_MUTATION * 2) {
            return HostileValues.anything(random);
        }
        List<String> known = knownValues.get(parameter.name());
        if (known != null && !known.isEmpty() && random.nextDouble() < KNOWN_PATH_VALUE) {
            return known.get(random.nextInt(known.size()));
        }
        return value(parameter.schema(), 0);
    }

    @SuppressWarnings("unchecked")
    private Object value(Map<String, Object> rawSchema, int depth) {
        Map<String, Object> schema = spec.resolve(rawSchema);
        if (depth > 0 && random.nextDouble() < FIELD_MUTATION) {
            return HostileValues.anything(random);
        }
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(random.nextInt(values.size()));
        }
        String type = (String) schema.getOrDefault("type", schema.containsKey("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> object(schema, depth);
            case "array" -> {
                int max = Math.min(3, number(schema.get("maxItems"), 3));
                List<Object> items = new ArrayList<>();
                for (int i = random.nextInt(max + 1); i > 0; i--) {
                    items.add(value((Map<String, Object>) schema.getOrDefault("items", Map.of()), depth + 1));
                }
                yield items;
            }
            case "integer" -> {
                long min = number(schema.get("minimum"), 0);
                long max = Math.max(min, number(schema.get("maximum"), (int) Math.min(Integer.MAX_VALUE, min + 1000)));
                yield min + (long) (random.nextDouble() * (max - min + 1));
            }
            case "number" -> random.nextDouble() * 1000;
            case "boolean" -> random.nextBoolean();
            default -> string(schema);
        };
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(Map<String, Object> schema, int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        List<Object> required = (List<Object>) schema.getOrDefault("required", List.of());
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", new HashMap<>());
        if (depth > 6) {
            return object;
        }
        properties.forEach((name, property) -> {
            boolean mandatory = required.contains(name);
            if (mandatory ? random.nextDouble() > FIELD_MUTATION / 4 : random.nextDouble() < 0.6) {
                object.put(name, value((Map<String, Object>) property, depth + 1));
            }
        });
        return object;
    }

    private String string(Map<String, Object> schema) {
        String format = (String) schema.getOrDefault("format", "");
        int maxLength = number(schema.get("maxLength"), 40);
        int minLength = number(schema.get("minLength"), 1);
        return switch (format) {
            case "date-time" -> Instant.parse("2027-01-01T00:00:00Z").plusSeconds(random.nextInt(3 * 365 * 86_400)).toString();
            case "date" -> LocalDate.of(2027, 1, 1).plusDays(random.nextInt(1000)).toString();
            case "partial-time", "time" -> LocalDateTime.of(2027, 1, 1, random.nextInt(24), random.nextInt(60)).toLocalTime().toString();
            case "uri", "url" -> "https://example.org/" + random.nextInt(1000);
            case "email" -> email();
            case "uuid" -> new UUID(random.nextLong(), random.nextLong()).toString();
            default -> {
                String name = (String) schema.getOrDefault("pattern", "");
                if (name.contains("@")) {
                    yield email();
                }
                int length = Math.max(minLength, Math.min(maxLength, 1 + random.nextInt(24)));
                StringBuilder text = new StringBuilder();
                while (text.length() < length) {
                    text.append((char) ('a' + random.nextInt(26)));
                }
                yield text.toString();
            }
        };
    }

    private String email() {
        return "fuzz-" + Long.toHexString(random.nextLong()) + "@example.org";
    }

    private static String text(Object value) {
        return value instanceof String s ? s : Json.write(value);
    }

    private static int number(Object value, int fallback) {
        return value instanceof Number n ? (int) Math.min(Integer.MAX_VALUE, n.longValue()) : fallback;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

}
