package io.signaldesk.analyzer.ai;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a structured answer while the model writes it: after each piece it knows which top-level fields are
 * complete and how much of the reason is written. The decision is reported exactly once, the moment its last
 * field is complete; the reason grows as text. The text is re-scanned on each piece (answers are a few hundred
 * characters), so a piece may end anywhere: inside a key, a number, an escape or a character.
 */
public final class AnswerStream {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<String> decisionFields;
    private final StringBuilder text = new StringBuilder(256);
    private ObjectNode decision;
    private String reason = "";

    /** What one piece changed: the decision if this piece completed it (else null), and reason text added. */
    public record Progress(ObjectNode decision, String reasonAdded) {
    }

    public AnswerStream(List<String> decisionFields) {
        this.decisionFields = List.copyOf(decisionFields);
    }

    public Progress accept(String piece) {
        text.append(piece);
        Scan scan = new Scan(text);
        scan.run();
        ObjectNode completedNow = null;
        if (decision == null && scan.complete.keySet().containsAll(decisionFields)) {
            decision = JsonNodeFactory.instance.objectNode();
            decisionFields.forEach(field -> decision.set(field, scan.complete.get(field)));
            completedNow = decision.deepCopy();
        }
        String now = scan.complete.containsKey(AnswerSchema.REASON) ? scan.complete.get(AnswerSchema.REASON).asText("")
                : AnswerSchema.REASON.equals(scan.partialKey) ? scan.partialText : reason;
        String added = now.length() > reason.length() && now.startsWith(reason) ? now.substring(reason.length()) : "";
        if (!added.isEmpty()) {
            reason = now;
        }
        return new Progress(completedNow, added);
    }

    /** The decision fields, once all are complete. */
    public ObjectNode decision() {
        return decision == null ? null : decision.deepCopy();
    }

    /** The reason as far as it is written. */
    public String reason() {
        return reason;
    }

    /** Everything the model wrote so far. */
    public String text() {
        return text.toString();
    }

    /** A forgiving scanner of the top-level object: stops quietly where the text ends. */
    private static final class Scan {
        final Map<String, JsonNode> complete = new LinkedHashMap<>();
        String partialKey;
        String partialText = "";
        private final CharSequence s;
        private int i;

        Scan(CharSequence s) {
            this.s = s;
        }

        void run() {
            skipToObject();
            if (i >= s.length()) {
                return;
            }
            i++; // '{'
            while (true) {
                skipSpace();
                if (i >= s.length() || s.charAt(i) == '}') {
                    return;
                }
                if (s.charAt(i) == ',') {
                    i++;
                    continue;
                }
                if (s.charAt(i) != '"') {
                    return; // not JSON as expected; the final parse will say why
                }
                String key = string();
                if (key == null) {
                    return;
                }
                skipSpace();
                if (i >= s.length() || s.charAt(i) != ':') {
                    return;
                }
                i++;
                skipSpace();
                if (i >= s.length()) {
                    return;
                }
                if (!value(key)) {
                    return;
                }
            }
        }

        private boolean value(String key) {
            char c = s.charAt(i);
            if (c == '"') {
                int start = i;
                String value = string();
                if (value == null) {
                    partialKey = key;
                    partialText = decodePartial(start + 1);
                    return false;
                }
                complete.put(key, JsonNodeFactory.instance.textNode(value));
                return true;
            }
            int start = i;
            if (c == '{' || c == '[') {
                if (!skipNested()) {
                    return false;
                }
            } else {
                while (i < s.length() && ",}] \n\r\t".indexOf(s.charAt(i)) < 0) {
                    i++;
                }
                if (i >= s.length()) {
                    return false; // a number may still grow
                }
            }
            try {
                complete.put(key, MAPPER.readTree(s.subSequence(start, i).toString()));
                return true;
            } catch (JsonProcessingException e) {
                return false;
            }
        }

        /** A complete string at i (the opening quote), decoded; null when it does not end yet. */
        private String string() {
            int start = i + 1;
            int j = start;
            while (j < s.length()) {
                char c = s.charAt(j);
                if (c == '\\') {
                    j += 2;
                } else if (c == '"') {
                    i = j + 1;
                    return decode(start, j);
                } else {
                    j++;
                }
            }
            return null;
        }

        private String decodePartial(int start) {
            return decode(start, s.length());
        }

        /** Decodes escapes between start and end; an escape cut by the end is left out. */
        private String decode(int start, int end) {
            StringBuilder out = new StringBuilder(end - start);
            for (int j = start; j < end; j++) {
                char c = s.charAt(j);
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (j + 1 >= end) {
                    break;
                }
                char e = s.charAt(++j);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        if (j + 4 >= end) {
                            return out.toString();
                        }
                        out.append((char) Integer.parseInt(s.subSequence(j + 1, j + 5).toString(), 16));
                        j += 4;
                    }
                    default -> out.append(e);
                }
            }
            return out.toString();
        }

        private boolean skipNested() {
            int depth = 0;
            boolean inString = false;
            for (; i < s.length(); i++) {
                char c = s.charAt(i);
                if (inString) {
                    if (c == '\\') {
                        i++;
                    } else if (c == '"') {
                        inString = false;
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '{' || c == '[') {
                    depth++;
                } else if ((c == '}' || c == ']') && --depth == 0) {
                    i++;
                    return true;
                }
            }
            return false;
        }

        private void skipToObject() {
            while (i < s.length() && s.charAt(i) != '{') {
                i++;
            }
        }

        private void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
