package loyaltyloop.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import loyaltyloop.json.Json;

/**
 * Orders from JSON lines ({@code shops import --file orders.jsonl}, {@code POST /_local/import}): one platform order
 * per line in its webhook shape, blank lines skipped. The checkpoint key is the content's hash, so the same file
 * resumes where it stopped and a different one starts from its beginning. A line that is not a JSON object is
 * counted as skipped, not fatal: one bad line in a two-year export must not stop the rest.
 */
public final class JsonLinesSource implements OrderSource {

    static final int PAGE_SIZE = 100;

    private final List<String> lines;
    private final String key;

    public JsonLinesSource(byte[] content) {
        List<String> kept = new ArrayList<>();
        for (String line : new String(content, StandardCharsets.UTF_8).split("\r?\n")) {
            if (!line.isBlank()) {
                kept.add(line);
            }
        }
        this.lines = List.copyOf(kept);
        this.key = "file:" + sha256(content);
    }

    @Override
    public String key() {
        return key;
    }

    public int size() {
        return lines.size();
    }

    @Override
    public Page page(String cursor) {
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int to = Math.min(lines.size(), from + PAGE_SIZE);
        List<JsonNode> orders = new ArrayList<>();
        for (String line : lines.subList(Math.min(from, to), to)) {
            orders.add(read(line));
        }
        return new Page(orders, to < lines.size() ? Integer.toString(to) : null, lines.size());
    }

    /** The line as JSON, or a JSON null that the import counts as skipped. */
    private static JsonNode read(String line) {
        try {
            JsonNode node = Json.MAPPER.readTree(line);
            return node == null ? Json.MAPPER.nullNode() : node;
        } catch (java.io.IOException | RuntimeException e) {
            return Json.MAPPER.nullNode();
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
