package cn.jixiao.hardening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Mutates evaluation documents the way broken exports, hand edits and hostile users do, reproducibly from a seed:
 * fields deleted, duplicated, renamed or given another type; texts replaced by random ones (control characters,
 * astral characters, lone surrogates, markup, long runs); numbers at the edges; and, below the JSON, truncation and
 * flipped bytes. Most mutations keep the document JSON, so that the schema, the mapping and the renderers see them.
 */
final class Mutator {

    /** Numbers as they may be written, some valid and some not: each is spliced in as written. */
    private static final List<String> EDGE_NUMBERS = List.of("0", "-0", "-0.0", "1", "-1", "0.5", "100", "100.000000",
            "1e400", "-1e400", "1e-400", "1.5e2", "999999999999.999999", "1000000000000", "0.0000001", "0.000001",
            "12345678901234567890", "1E+2", "2023", "1900", "2101", "-2023", "7.20", "180.97212");

    /** Texts that make trouble for parsers, templates, file names and terminals. */
    private static final List<String> NASTY_TEXTS = List.of("", " ", "\t", "\n", "\r\n", "无", "—", "12,3", "87.00%",
            "NaN", "Infinity", "null", "true", "${projectName}", "${indicator.level3", "$P{projectName}",
            "<w:t>&amp;</w:t>", "<![CDATA[x]]>", "&xxe;", "\"\\\"", "../../etc/passwd", "CON", "a/b:c", "\u202Eexe.pdf",
            "\u200B\u200D\uFEFF", "e\u0301", "𠀀𪚥", "😀👨‍👩‍👧", "\uD800", "\uDFFF", "\uFFFE\uFFFF", "\u0000", "\u0007",
            "\u001b[2J", "\u0085", "\u2028\u2029", "ＡＢＣ１２３", "ｱｲｳ", "½№℃Ⅷ", "ﬁ");

    /** Ranges of code points random texts are drawn from. */
    private static final int[][] ALPHABETS = {
            {0x20, 0x7E},        // ASCII
            {0x4E00, 0x9FFF},    // CJK Unified Ideographs
            {0x3000, 0x303F},    // CJK punctuation
            {0xFF01, 0xFF9F},    // full-width and half-width forms
            {0x00, 0x1F},        // control characters
            {0x7F, 0x9F},        // DEL and C1 controls
            {0x20000, 0x2A6DF},  // CJK Extension B
            {0x1F300, 0x1FAFF},  // emoji
            {0x0300, 0x036F},    // combining marks
            {0x2000, 0x206F},    // general punctuation, bidirectional and zero-width controls
            {0xD800, 0xDFFF},    // surrogates, unpaired when alone
    };

    /** Writes some documents with every non-ASCII character escaped, so that lone surrogates reach the reader. */
    private static final ObjectWriter ESCAPING = Workspace.JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);

    private final SplittableRandom random;
    /** Raw JSON to put where a placeholder text stands once the tree is written, for numbers a tree cannot hold. */
    private final Map<String, String> splices = new HashMap<>();

    Mutator(SplittableRandom random) {
        this.random = random;
    }

    /** One to three mutations of a copy of the document, as the bytes of a file. */
    byte[] mutate(JsonNode document) {
        JsonNode copy = document.deepCopy();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            copy = mutateTree(copy);
        }
        String json = write(copy, random.nextInt(4) == 0);
        for (Map.Entry<String, String> splice : splices.entrySet()) {
            json = json.replace(splice.getKey(), splice.getValue());
        }
        splices.clear();
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return switch (random.nextInt(20)) {
            case 0 -> truncate(bytes);
            case 1 -> flipBytes(bytes);
            default -> bytes;
        };
    }

    private JsonNode mutateTree(JsonNode root) {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        if (slots.isEmpty()) {
            return randomValue(2);
        }
        Slot slot = slots.get(random.nextInt(slots.size()));
        switch (random.nextInt(9)) {
            case 0 -> slot.remove();
            case 1 -> slot.set(randomValue(2));
            case 2 -> slot.set(JsonNodeFactory.instance.textNode(randomText()));
            case 3 -> slot.set(edgeNumber());
            case 4 -> slot.set(JsonNodeFactory.instance.nullNode());
            case 5 -> slot.duplicate();
            case 6 -> slot.rename(typo(slot.name()));
            case 7 -> slot.set(JsonNodeFactory.instance.textNode(NASTY_TEXTS.get(random.nextInt(NASTY_TEXTS.size()))));
            default -> {
                if (root.isObject() && root.path("indicators").isArray()) {
                    resize((ArrayNode) root.path("indicators"));
                } else {
                    slot.set(JsonNodeFactory.instance.textNode(randomText()));
                }
            }
        }
        return random.nextInt(50) == 0 ? JsonNodeFactory.instance.arrayNode().add(root).add(root.deepCopy()) : root;
    }

    /** A place in the tree: a field of an object or an entry of an array. */
    private record Slot(ContainerNode<?> parent, String field, int index) {
        String name() {
            return field != null ? field : String.valueOf(index);
        }

        JsonNode value() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) parent).set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (field != null) {
                ((ObjectNode) parent).remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }

        void duplicate() {
            if (field != null) {
                ((ObjectNode) parent).set(field + "2", value().deepCopy());
            } else {
                ((ArrayNode) parent).insert(index, value().deepCopy());
            }
        }

        void rename(String name) {
            if (field != null) {
                JsonNode value = ((ObjectNode) parent).remove(field);
                ((ObjectNode) parent).set(name, value);
            }
        }
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                slots.add(new Slot(object, name, -1));
                collect(object.get(name), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collect(array.get(i), slots);
            }
        }
    }

    /** Drops, repeats or multiplies the indicator rows, now and then past the contract's 1,000. */
    private void resize(ArrayNode indicators) {
        if (indicators.isEmpty() || random.nextInt(4) == 0) {
            indicators.removeAll();
            return;
        }
        int target = random.nextInt(40) == 0 ? 990 + random.nextInt(20) : random.nextInt(60);
        for (int i = 0; indicators.size() < target; i++) {
            indicators.add(indicators.get(i % indicators.size()).deepCopy());
        }
        while (indicators.size() > target && !indicators.isEmpty()) {
            indicators.remove(indicators.size() - 1);
        }
    }

    private JsonNode randomValue(int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (random.nextInt(depth > 0 ? 7 : 5)) {
            case 0:
                return nodes.textNode(randomText());
            case 1:
                return edgeNumber();
            case 2:
                return nodes.booleanNode(random.nextBoolean());
            case 3:
                return nodes.nullNode();
            case 4:
                return nodes.numberNode(new BigDecimal(random.nextInt(1000)));
            case 5:
                ObjectNode object = nodes.objectNode();
                for (int i = random.nextInt(3); i > 0; i--) {
                    object.set(randomText(), randomValue(depth - 1));
                }
                return object;
            default:
                ArrayNode array = nodes.arrayNode();
                for (int i = random.nextInt(3); i > 0; i--) {
                    array.add(randomValue(depth - 1));
                }
                return array;
        }
    }

    /** An edge number, written into the file exactly as {@link #EDGE_NUMBERS} has it. */
    private JsonNode edgeNumber() {
        String placeholder = "edge-number-" + splices.size() + "-" + random.nextLong();
        splices.put("\"" + placeholder + "\"", EDGE_NUMBERS.get(random.nextInt(EDGE_NUMBERS.size())));
        return JsonNodeFactory.instance.textNode(placeholder);
    }

    /** Random text from one or two alphabets; now and then a long run near the contract's 10,000 characters. */
    private String randomText() {
        int length = switch (random.nextInt(20)) {
            case 0 -> 9_990 + random.nextInt(20);
            case 1, 2 -> 100 + random.nextInt(600);
            default -> random.nextInt(16);
        };
        int[] first = ALPHABETS[random.nextInt(ALPHABETS.length)];
        int[] second = ALPHABETS[random.nextInt(ALPHABETS.length)];
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int[] range = random.nextInt(4) == 0 ? second : first;
            text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
        }
        return text.toString();
    }

    /** The name with one character changed, dropped, doubled or in other case: a typo. */
    private String typo(String name) {
        if (name.isEmpty()) {
            return "x";
        }
        int at = random.nextInt(name.length());
        return switch (random.nextInt(4)) {
            case 0 -> name.substring(0, at) + name.substring(at + 1);
            case 1 -> name.substring(0, at) + name.charAt(at) + name.substring(at);
            case 2 -> name.toUpperCase(Locale.ROOT);
            default -> name.substring(0, at) + (char) ('a' + random.nextInt(26)) + name.substring(at + 1);
        };
    }

    private byte[] truncate(byte[] bytes) {
        return Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
    }

    private byte[] flipBytes(byte[] bytes) {
        byte[] flipped = bytes.clone();
        for (int i = 1 + random.nextInt(4); i > 0 && flipped.length > 0; i--) {
            flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return flipped;
    }

    private static String write(JsonNode node, boolean escaped) {
        try {
            return escaped ? ESCAPING.writeValueAsString(node) : Workspace.JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
