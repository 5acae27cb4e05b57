package dev.podium.testsupport.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The operations of a service's generated OpenAPI 3 spec, with their parameters and body schemas. */
public final class OpenApiSpec {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** A parameter of an operation: {@code in} is path, query or header. */
    public record Parameter(String name, String in, boolean required, Map<String, Object> schema) {
    }

    /** One operation; {@code bodyContentType} and {@code bodySchema} are null without a body. */
    public record Operation(String method, String path, List<Parameter> parameters, String bodyContentType,
                            Map<String, Object> bodySchema) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final Map<String, Object> document;
    private final List<Operation> operations;

    private OpenApiSpec(Map<String, Object> document) {
        this.document = document;
        this.operations = readOperations();
    }

    /** The spec Micronaut OpenAPI generated into the service's classpath, e.g. {@code META-INF/swagger/podium-events-service-0.1.yml}. */
    public static OpenApiSpec fromClasspath(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No OpenAPI spec on the classpath at " + resource);
            }
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(50 * 1024 * 1024);
            return new OpenApiSpec(new Yaml(options).load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Operation> operations() {
        return operations;
    }

    /** The schema itself, or the one its {@code $ref} points to ({@code #/components/schemas/X}). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> resolve(Map<String, Object> schema) {
        Map<String, Object> current = schema;
        for (int hops = 0; current != null && current.containsKey("$ref") && hops < 20; hops++) {
            String ref = (String) current.get("$ref");
            Object node = document;
            for (String part : ref.substring(2).split("/")) {
                node = ((Map<String, Object>) node).get(part);
            }
            current = (Map<String, Object>) node;
        }
        if (current != null && current.get("allOf") instanceof List<?> parts && parts.size() == 1) {
            return resolve((Map<String, Object>) parts.get(0));
        }
        return current == null ? Map.of() : current;
    }

    @SuppressWarnings("unchecked")
    private List<Operation> readOperations() {
        List<Operation> found = new ArrayList<>();
        Map<String, Object> paths = (Map<String, Object>) document.getOrDefault("paths", Map.of());
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, raw) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) raw;
            List<Parameter> parameters = new ArrayList<>();
            for (Object p : (List<Object>) operation.getOrDefault("parameters", List.of())) {
                Map<String, Object> parameter = (Map<String, Object>) p;
                parameters.add(new Parameter((String) parameter.get("name"), (String) parameter.get("in"),
                        Boolean.TRUE.equals(parameter.get("required")),
                        (Map<String, Object>) parameter.getOrDefault("schema", Map.of("type", "string"))));
            }
            String contentType = null;
            Map<String, Object> bodySchema = null;
            Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
            if (body != null) {
                Map<String, Object> content = (Map<String, Object>) body.getOrDefault("content", Map.of());
                if (!content.isEmpty()) {
                    contentType = content.containsKey("application/json") ? "application/json" : content.keySet().iterator().next();
                    bodySchema = (Map<String, Object>) ((Map<String, Object>) content.get(contentType)).getOrDefault("schema", Map.of());
                }
            }
            found.add(new Operation(method.toUpperCase(Locale.ROOT), path, parameters, contentType, bodySchema));
        }));
        return List.copyOf(found);
    }
}
