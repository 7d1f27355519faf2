package dev.meshwizard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a list request the CRUD mock does not honour, answered as a real API server does: label selectors
 * with set-based requirements ({@code key in (a,b)}, {@code key notin (a,b)}, {@code key}, {@code !key}, besides
 * {@code =}, {@code ==} and {@code !=}), and chunks ({@code limit} with a {@code continue} token, items in
 * namespace/name order, {@code remainingItemCount}). Watches keep the mock's own selector handling.
 */
final class ListQueries {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PARAMETERS = Set.of("labelSelector", "limit", "continue");
    private static final Pattern SET_BASED = Pattern.compile("^([^\\s!=(),]+)\\s+(in|notin)\\s+\\(([^)]*)\\)$");
    private static final Pattern EQUALITY = Pattern.compile("^([^\\s!=(),]+)\\s*(==|=|!=)\\s*([^\\s!=(),]*)$");
    private static final Pattern EXISTS = Pattern.compile("^(!?)\\s*([^\\s!=(),]+)$");

    private ListQueries() {
    }

    /** Whether a list request asks for a selector or a chunk. */
    static boolean asks(String fullPath) {
        return PARAMETERS.stream().anyMatch(p -> parameter(fullPath, p) != null);
    }

    /** The request path without the parameters answered here, for the mock to list everything. */
    static String withoutListQuery(String fullPath) {
        int query = fullPath.indexOf('?');
        if (query < 0) {
            return fullPath;
        }
        List<String> kept = new ArrayList<>();
        for (String pair : fullPath.substring(query + 1).split("&")) {
            int equals = pair.indexOf('=');
            if (!PARAMETERS.contains(equals < 0 ? pair : pair.substring(0, equals))) {
                kept.add(pair);
            }
        }
        return fullPath.substring(0, query) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }

    /** The answer to the request from the mock's answer listing everything. */
    static MockResponse answer(MockResponse all, String fullPath) {
        if (all.code() != 200 || all.getBody() == null) {
            return all;
        }
        Predicate<JsonNode> selected;
        try {
            selected = selector(parameter(fullPath, "labelSelector"));
        } catch (IllegalArgumentException e) {
            return SimulatedApiDispatcher.status(400, "BadRequest", e.getMessage());
        }
        ObjectNode list;
        try {
            list = (ObjectNode) JSON.readTree(all.getBody().getBytes());
        } catch (IOException | ClassCastException e) {
            return all;
        }
        List<JsonNode> items = new ArrayList<>();
        list.withArray("items").forEach(item -> {
            if (selected.test(item.path("metadata").path("labels"))) {
                items.add(item);
            }
        });
        items.sort(Comparator.comparing((JsonNode i) -> i.path("metadata").path("namespace").asText())
                .thenComparing(i -> i.path("metadata").path("name").asText()));
        int from = 0;
        String token = parameter(fullPath, "continue");
        if (token != null && !token.isEmpty()) {
            try {
                from = Integer.parseInt(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return SimulatedApiDispatcher.status(400, "BadRequest", "continue key is not valid: " + token);
            }
        }
        String limitText = parameter(fullPath, "limit");
        int limit = limitText == null || limitText.isEmpty() ? 0 : Integer.parseInt(limitText);
        int to = limit > 0 ? Math.min(items.size(), from + limit) : items.size();
        ArrayNode page = JSON.createArrayNode();
        items.subList(Math.min(from, items.size()), to).forEach(page::add);
        list.set("items", page);
        ObjectNode metadata = list.with("metadata");
        metadata.remove(List.of("continue", "remainingItemCount"));
        if (to < items.size()) {
            metadata.put("continue", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(Integer.toString(to).getBytes(StandardCharsets.UTF_8)));
            metadata.put("remainingItemCount", items.size() - to);
        }
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                .setBody(list.toString());
    }

    /** A label selector as a test on an object's labels; everything when there is none. */
    static Predicate<JsonNode> selector(String text) {
        Predicate<JsonNode> all = labels -> true;
        if (text == null || text.isBlank()) {
            return all;
        }
        for (String requirement : requirements(text)) {
            all = all.and(requirement(requirement.strip()));
        }
        return all;
    }

    private static Predicate<JsonNode> requirement(String text) {
        Matcher set = SET_BASED.matcher(text);
        if (set.matches()) {
            String key = set.group(1);
            List<String> values = List.of(set.group(3).split("\\s*,\\s*")).stream().map(String::strip).toList();
            boolean in = set.group(2).equals("in");
            Predicate<JsonNode> member = labels -> labels.has(key) && values.contains(labels.get(key).asText());
            return in ? member : member.negate();
        }
        Matcher equality = EQUALITY.matcher(text);
        if (equality.matches()) {
            String key = equality.group(1);
            String value = equality.group(3);
            boolean equal = !equality.group(2).equals("!=");
            return labels -> (labels.has(key) && labels.get(key).asText().equals(value)) == equal;
        }
        Matcher exists = EXISTS.matcher(text);
        if (exists.matches()) {
            String key = exists.group(2);
            boolean present = exists.group(1).isEmpty();
            return labels -> labels.has(key) == present;
        }
        throw new IllegalArgumentException("unable to parse requirement: " + text);
    }

    /** The requirements of a selector: split at commas outside parentheses. */
    private static List<String> requirements(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static String parameter(String fullPath, String name) {
        int query = fullPath.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String pair : fullPath.substring(query + 1).split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (key.equals(name)) {
                return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
