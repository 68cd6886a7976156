package loyaltyloop.local;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loyaltyloop.local.LocalTemplate.Route;

/**
 * The template's {@code HttpApi} routes, matched like API Gateway HTTP APIs: literal segments beat
 * {@code {param}} segments, which beat a greedy {@code {proxy+}}; a route's own method beats {@code ANY}.
 */
final class HttpApiRoutes {

    /** A matched route with its decoded path parameters. */
    record Match(Route route, Map<String, String> pathParameters) {
    }

    private record Compiled(Route route, List<String> segments, int literals, boolean greedy) {
    }

    private final List<Compiled> routes;

    HttpApiRoutes(List<Route> routes) {
        List<Compiled> compiled = new ArrayList<>();
        for (Route route : routes) {
            List<String> segments = segments(route.path());
            int literals = (int) segments.stream().filter(s -> !s.startsWith("{")).count();
            boolean greedy = !segments.isEmpty() && segments.get(segments.size() - 1).endsWith("+}");
            compiled.add(new Compiled(route, segments, literals, greedy));
        }
        compiled.sort(Comparator.comparing((Compiled c) -> c.greedy())
                .thenComparing(Comparator.comparingInt((Compiled c) -> c.literals()).reversed())
                .thenComparing(c -> c.route().method().equals("ANY")));
        this.routes = List.copyOf(compiled);
    }

    List<Route> routes() {
        return routes.stream().map(Compiled::route).toList();
    }

    /**
     * The best route for the request.
     *
     * @param rawPath the path as sent (percent-encoded); parameters are decoded
     * @throws IllegalArgumentException when the path has a malformed percent-encoding
     */
    Optional<Match> match(String method, String rawPath) {
        List<String> requested = segments(rawPath).stream().map(Percent::decode).toList();
        for (Compiled candidate : routes) {
            String routeMethod = candidate.route().method();
            if (!routeMethod.equals("ANY") && !routeMethod.equalsIgnoreCase(method)) {
                continue;
            }
            Map<String, String> parameters = bind(candidate, requested);
            if (parameters != null) {
                return Optional.of(new Match(candidate.route(), parameters));
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> bind(Compiled route, List<String> requested) {
        List<String> segments = route.segments();
        if (route.greedy() ? requested.size() < segments.size() : requested.size() != segments.size()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (route.greedy() && i == segments.size() - 1) {
                String name = segment.substring(1, segment.length() - 2);
                parameters.put(name, String.join("/", requested.subList(i, requested.size())));
            } else if (segment.startsWith("{") && segment.endsWith("}")) {
                if (requested.get(i).isEmpty()) {
                    return null;
                }
                parameters.put(segment.substring(1, segment.length() - 1), requested.get(i));
            } else if (!segment.equals(requested.get(i))) {
                return null;
            }
        }
        return parameters;
    }

    private static List<String> segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.isEmpty()) {
            return List.of();
        }
        return List.of(trimmed.split("/", -1));
    }
}
