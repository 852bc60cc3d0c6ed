package org.gateboard.poster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** A version's content as stored: canonical JSON, its SHA-256, and which fields differ between two versions. */
@Component
class PosterContents {

    private final ObjectMapper json;

    PosterContents(ObjectMapper json) {
        this.json = json;
    }

    String json(PosterContent content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    PosterContent parse(String text) {
        try {
            return json.readValue(text, PosterContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored poster content cannot be read", e);
        }
    }

    static String hash(String json) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(json.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The fields whose values differ, as paths: {@code notesZh}, {@code channels.ALIPAY.payload},
     * {@code channels.HEALTH_CLOUD} (a channel added or dropped). Sorted, so the list reads the same every time.
     */
    List<String> changes(PosterContent before, PosterContent after) {
        Map<String, String> a = flatten(before);
        Map<String, String> b = flatten(after);
        TreeSet<String> changed = new TreeSet<>();
        for (String key : a.keySet()) {
            if (!b.containsKey(key)) {
                changed.add(channelKey(key));
            } else if (!a.get(key).equals(b.get(key))) {
                changed.add(key);
            }
        }
        for (String key : b.keySet()) {
            if (!a.containsKey(key)) {
                changed.add(channelKey(key));
            }
        }
        return new ArrayList<>(changed);
    }

    private static String channelKey(String path) {
        String[] p = path.split("\\.");
        return p.length >= 2 ? p[0] + "." + p[1] : path;
    }

    private Map<String, String> flatten(PosterContent content) {
        Map<String, String> out = new LinkedHashMap<>();
        ObjectNode root = json.valueToTree(content);
        JsonNode parts = root.remove("parts");
        put(out, "", root);
        for (JsonNode part : parts) {
            String channel = part.path("channel").path("channel").asText();
            ObjectNode merged = json.createObjectNode();
            merged.setAll((ObjectNode) part.get("channel"));
            ((ObjectNode) part.get("template")).fields().forEachRemaining(e ->
                    merged.set("template." + e.getKey(), e.getValue()));
            put(out, "channels." + channel + ".", merged);
        }
        return out;
    }

    private static void put(Map<String, String> out, String prefix, JsonNode object) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("channel") || e.getKey().equals("template.channel")) {
                continue;
            }
            out.put(prefix + e.getKey(), e.getValue().asText());
        }
    }
}
