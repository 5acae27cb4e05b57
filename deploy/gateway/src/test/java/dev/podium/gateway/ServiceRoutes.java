package dev.podium.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

/**
 * Every path a Podium service serves, read from the repository (no service is started):
 *
 * <ul>
 *   <li>{@link Source#OPENAPI}: the paths of the OpenAPI spec micronaut-openapi generated when the service
 *       was compiled ({@code target/classes/META-INF/swagger/*.yml});</li>
 *   <li>{@link Source#CONTROLLER}: the route annotations of its controllers ({@code @Controller} with
 *       {@code @Get}, {@code @Post} …, in {@code src/main/java}), which also finds routes hidden from the
 *       spec;</li>
 *   <li>{@link Source#LIBRARY}: the same annotations in the Podium modules the service depends on
 *       (page-support's stylesheet), which every service that depends on them serves alike;</li>
 *   <li>{@link Source#STATIC}: the files under its {@code micronaut.router.static-resources} mappings
 *       (the OpenAPI specs and Swagger UI).</li>
 * </ul>
 */
final class ServiceRoutes {

    enum Source { OPENAPI, CONTROLLER, LIBRARY, STATIC }

    /** A path template ({@code /events/{id}/cfp}) a service serves, and where it was found. */
    record Route(String template, Upstream service, Source source, String where) {
        /** The template with a value in each variable, as a request would have it. */
        String samplePath() {
            return template.replaceAll("\\{[^}/]*}", "x-1");
        }
    }

    private static final Pattern CONTROLLER = Pattern.compile("@Controller\\b\\s*(?:\\(([^()]*)\\))?");
    private static final Pattern ROUTE = Pattern.compile("@(Get|Post|Put|Patch|Delete|Head|Options|Trace)\\b\\s*(?:\\(([^()]*)\\))?");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Path root;

    ServiceRoutes(Path root) {
        this.root = root;
    }

    List<Route> all() {
        List<Route> routes = new ArrayList<>();
        for (Upstream service : Upstream.values()) {
            routes.addAll(of(service));
        }
        return routes;
    }

    List<Route> of(Upstream service) {
        Path module = root.resolve(service.serviceName());
        List<Route> routes = new ArrayList<>();
        routes.addAll(openApi(service, module));
        routes.addAll(annotated(service, module.resolve("src/main/java"), Source.CONTROLLER));
        for (String library : podiumDependencies(module)) {
            Path sources = root.resolve(library).resolve("src/main/java");
            if (Files.isDirectory(sources)) {
                routes.addAll(annotated(service, sources, Source.LIBRARY));
            }
        }
        routes.addAll(staticResources(service, module));
        return routes;
    }

    private List<Route> openApi(Upstream service, Path module) {
        Path swagger = module.resolve("target/classes/META-INF/swagger");
        List<Path> specs = list(swagger).stream().filter(p -> p.getFileName().toString().endsWith(".yml")).toList();
        if (specs.isEmpty()) {
            throw new IllegalStateException("No OpenAPI spec in " + swagger + ": compile " + service.serviceName()
                    + " first (./mvnw verify -pl deploy/gateway -am builds it)");
        }
        List<Route> routes = new ArrayList<>();
        for (Path spec : specs) {
            Map<String, Object> document = yaml(spec);
            Object paths = document.get("paths");
            if (paths instanceof Map<?, ?> map) {
                for (Object template : map.keySet()) {
                    routes.add(new Route(normalise(template.toString()), service, Source.OPENAPI, root.relativize(spec).toString()));
                }
            }
        }
        return routes;
    }

    /** The routes declared by {@code @Controller} classes under {@code sources}. */
    static List<Route> annotated(Upstream service, Path sources, Source source) {
        List<Route> routes = new ArrayList<>();
        for (Path file : javaFiles(sources)) {
            String code = withoutComments(read(file));
            Matcher controller = CONTROLLER.matcher(code);
            if (!controller.find()) {
                continue;
            }
            List<int[]> controllers = new ArrayList<>();
            List<String> bases = new ArrayList<>();
            do {
                controllers.add(new int[] {controller.start()});
                List<String> paths = paths(controller.group(1), file);
                bases.add(paths.isEmpty() ? "" : paths.get(0));
            } while (controller.find());
            Matcher route = ROUTE.matcher(code);
            while (route.find()) {
                String base = "";
                for (int i = 0; i < controllers.size(); i++) {
                    if (controllers.get(i)[0] < route.start()) {
                        base = bases.get(i);
                    }
                }
                List<String> paths = paths(route.group(2), file);
                for (String path : paths.isEmpty() ? List.of("") : paths) {
                    routes.add(new Route(normalise(base + (path.isEmpty() || path.startsWith("/") || path.startsWith("{") ? path : "/" + path)),
                            service, source, sources.getParent().getParent().getParent().getFileName() + "/" + sources.relativize(file)
                            + " @" + route.group(1)));
                }
            }
        }
        return routes;
    }

    /**
     * The path literals of an annotation's arguments: the first positional one, or {@code value =},
     * {@code uri =}, {@code uris = {…}}. A path given by a constant cannot be read here: refused, so that
     * no route escapes the check.
     */
    private static List<String> paths(String arguments, Path file) {
        List<String> paths = new ArrayList<>();
        if (arguments == null || arguments.isBlank()) {
            return paths;
        }
        String args = arguments.strip();
        Matcher named = Pattern.compile("\\b(value|uri|uris)\\s*=\\s*(\\{[^}]*}|\"(?:[^\"\\\\]|\\\\.)*\"|[A-Za-z_][\\w.]*)").matcher(args);
        boolean any = false;
        while (named.find()) {
            any = true;
            String value = named.group(2);
            if (!value.startsWith("\"") && !value.startsWith("{")) {
                throw new IllegalStateException(file + ": the path " + named.group(0) + " is a constant; GatewayRoutesTest reads"
                        + " only string literals (write the path in the annotation)");
            }
            Matcher literal = STRING.matcher(value);
            while (literal.find()) {
                paths.add(literal.group(1));
            }
        }
        if (!any && args.startsWith("\"")) {
            Matcher literal = STRING.matcher(args);
            if (literal.find()) {
                paths.add(literal.group(1));
            }
        } else if (!any && !args.contains("=")) {
            throw new IllegalStateException(file + ": the path (" + args + ") is not a string literal; GatewayRoutesTest reads"
                    + " only string literals (write the path in the annotation)");
        }
        return paths;
    }

    /** Files under each {@code micronaut.router.static-resources.*.mapping} ({@code /swagger/**}). */
    private List<Route> staticResources(Upstream service, Path module) {
        Path config = module.resolve("src/main/resources/application.yml");
        Map<String, Object> yaml = yaml(config);
        Object micronaut = yaml.get("micronaut");
        Object router = micronaut instanceof Map<?, ?> m ? m.get("router") : null;
        Object resources = router instanceof Map<?, ?> r ? r.get("static-resources") : null;
        List<Route> routes = new ArrayList<>();
        if (!(resources instanceof Map<?, ?> mappings)) {
            return routes;
        }
        for (Object entry : mappings.values()) {
            if (!(entry instanceof Map<?, ?> mapping) || !(mapping.get("mapping") instanceof String pattern)
                    || !(mapping.get("paths") instanceof String location) || !location.startsWith("classpath:")) {
                continue;
            }
            String prefix = pattern.replaceAll("/\\*\\*$", "");
            Path dir = module.resolve("target/classes").resolve(location.substring("classpath:".length()));
            for (Path file : list(dir)) {
                if (Files.isRegularFile(file)) {
                    routes.add(new Route(prefix + "/" + file.getFileName(), service, Source.STATIC, root.relativize(config) + " " + pattern));
                }
            }
        }
        return routes;
    }

    /** The Podium modules (group dev.podium) a service depends on, directly or through service-parent. */
    private Set<String> podiumDependencies(Path module) {
        Set<String> modules = new LinkedHashSet<>();
        for (Path pom : List.of(module.resolve("pom.xml"), root.resolve("service-parent/pom.xml"))) {
            try (InputStream in = Files.newInputStream(pom)) {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                NodeList dependencies = factory.newDocumentBuilder().parse(in).getElementsByTagName("dependency");
                for (int i = 0; i < dependencies.getLength(); i++) {
                    Element dependency = (Element) dependencies.item(i);
                    if ("dev.podium".equals(text(dependency, "groupId"))) {
                        modules.add(text(dependency, "artifactId"));
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException("Cannot read " + pom, e);
            }
        }
        return modules;
    }

    private static String text(Element element, String child) {
        NodeList nodes = element.getElementsByTagName(child);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }

    /** {@code /talks{?q,mode}} is {@code /talks}; no double or trailing slash. */
    static String normalise(String template) {
        String path = template.replaceAll("\\{[?&][^}]*}", "").replaceAll("/+", "/");
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** Java source without its comments (string literals kept as they are). */
    static String withoutComments(String code) {
        StringBuilder out = new StringBuilder(code.length());
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                boolean textBlock = code.startsWith("\"\"\"", i);
                String end = textBlock ? "\"\"\"" : String.valueOf(c);
                int j = i + end.length();
                while (j < code.length() && !code.startsWith(end, j)) {
                    j += code.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(code.length(), j + end.length());
                out.append(code, i, j);
                i = j;
            } else if (code.startsWith("//", i)) {
                int j = code.indexOf('\n', i);
                i = j < 0 ? code.length() : j;
            } else if (code.startsWith("/*", i)) {
                int j = code.indexOf("*/", i + 2);
                i = j < 0 ? code.length() : j + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Object loaded = new Yaml().load(in);
            return loaded instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
