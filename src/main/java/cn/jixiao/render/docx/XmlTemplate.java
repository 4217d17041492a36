package cn.jixiao.render.docx;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A part's XML as the template gives it, serialized once, with slots where each form's values go: the fields, and in
 * the document the rows of each form table.
 *
 * <p>While the template is compiled, a field is replaced by a mark in its run's text, {@value #FIELD} followed by
 * the number of its {@link FieldUse} and {@value #END}; a form table's rows by a comment holding {@value #ROWS},
 * the table's number and {@value #END}. These are Unicode noncharacters, which no text exchanged between programs
 * holds; a template that holds them anyway is refused.
 */
final class XmlTemplate {

    static final char FIELD = '\uFDD0';
    static final char END = '\uFDD1';
    static final char ROWS = '\uFDD2';

    /** Where a form's value goes. */
    sealed interface Slot permits FieldSlot, RowsSlot {
    }

    /**
     * A field's value, written as the text of a run ({@code w:t}) when {@code lineBreak} is set: line breaks and
     * tabs become Word's elements. Otherwise plain text (as the document title in {@code core.xml}).
     *
     * @param runHead for run text, the start of the run up to its text: {@code <w:r>} and its properties, from which
     *                the runs of characters drawn in a fallback font are made ({@link PartWriter})
     */
    record FieldSlot(FieldUse field, byte[] lineBreak, byte[] tab, String runHead) implements Slot {
    }

    /** The rows of the form table with this number, in document order. */
    record RowsSlot(int table) implements Slot {
    }

    /** Writes the rows of a form table. */
    interface Rows {
        void write(int table, PartWriter out) throws DocxException;
    }

    private final byte[][] literals; // literals[i] precedes slots[i]; one more literal than slots
    private final Slot[] slots;

    private XmlTemplate(byte[][] literals, Slot[] slots) {
        this.literals = literals;
        this.slots = slots;
    }

    /**
     * The XML split at its marks.
     *
     * @param fields the field uses, by number
     * @throws DocxException when a reserved character is not part of a mark the compiler made
     */
    static XmlTemplate parse(String xml, List<FieldUse> fields) throws DocxException {
        List<byte[]> literals = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        int literalStart = 0;
        for (int i = 0; i < xml.length(); i++) {
            char c = xml.charAt(i);
            if (c != FIELD && c != ROWS && c != END) {
                continue;
            }
            int end = xml.indexOf(END, i + 1);
            int number = c == END || end < 0 ? -1 : number(xml, i + 1, end);
            if (c == FIELD && number >= 0 && number < fields.size()) {
                literals.add(utf8(xml.substring(literalStart, i)));
                slots.add(fieldSlot(xml, i, fields.get(number)));
                literalStart = end + 1;
            } else if (c == ROWS && number >= 0 && xml.startsWith("<!--", i - 4) && xml.startsWith("-->", end + 1)) {
                literals.add(utf8(xml.substring(literalStart, i - 4)));
                slots.add(new RowsSlot(number));
                literalStart = end + 4;
            } else {
                throw new DocxException("holds one of the characters U+FDD0 to U+FDD2, which are not text and which"
                        + " the renderer reserves for its own marks");
            }
            i = literalStart - 1;
        }
        literals.add(utf8(xml.substring(literalStart)));
        return new XmlTemplate(literals.toArray(new byte[0][]), slots.toArray(new Slot[0]));
    }

    /** Whether the XML holds any of the marks' characters. */
    static boolean isMarked(String xml) {
        return xml.indexOf(FIELD) >= 0 || xml.indexOf(ROWS) >= 0 || xml.indexOf(END) >= 0;
    }

    /** The mark of a field use. */
    static String fieldMark(int number) {
        return FIELD + Integer.toString(number) + END;
    }

    /** The comment that marks the place of a form table's rows. */
    static String rowsMark(int table) {
        return ROWS + Integer.toString(table) + END;
    }

    /** Writes the XML with the values of the fields and the rows of the tables. */
    void write(PartWriter out, Function<String, String> values, Rows rows) throws DocxException {
        for (int i = 0; i < slots.length; i++) {
            out.append(literals[i]);
            if (slots[i] instanceof FieldSlot field) {
                out.appendText(values.apply(field.field().name()), field);
            } else {
                rows.write(((RowsSlot) slots[i]).table(), out);
            }
        }
        out.append(literals[slots.length]);
    }

    /** A field in the text of a {@code t} element is run text; anywhere else, plain text. */
    private static FieldSlot fieldSlot(String xml, int mark, FieldUse field) {
        int tag = xml.lastIndexOf('<', mark);
        int nameEnd = tag + 1;
        while (nameEnd < mark && " \t\r\n/>".indexOf(xml.charAt(nameEnd)) < 0) {
            nameEnd++;
        }
        String element = xml.substring(tag + 1, nameEnd);
        if (!element.equals("t") && !element.endsWith(":t")) {
            return new FieldSlot(field, null, null, null);
        }
        String prefix = element.substring(0, element.length() - 1);
        String reopen = "<" + element + " xml:space=\"preserve\">";
        return new FieldSlot(field, utf8("</" + element + "><" + prefix + "br/>" + reopen),
                utf8("</" + element + "><" + prefix + "tab/>" + reopen), runHead(xml, tag, prefix));
    }

    /** The run's start tag and properties ({@code rPr}), from the XML before the run's text element at {@code tag}. */
    private static String runHead(String xml, int tag, String prefix) {
        int start = Math.max(xml.lastIndexOf("<" + prefix + "r>", tag), xml.lastIndexOf("<" + prefix + "r ", tag));
        if (start < 0) {
            return "<" + prefix + "r>";
        }
        int end = xml.indexOf('>', start) + 1;
        String properties = "<" + prefix + "rPr";
        if (xml.startsWith(properties + ">", end) || xml.startsWith(properties + " ", end)) {
            end = xml.indexOf("</" + prefix + "rPr>", end) + prefix.length() + 6;
        } else if (xml.startsWith(properties + "/>", end)) {
            end += properties.length() + 2;
        }
        return xml.substring(start, end);
    }

    private static int number(String xml, int start, int end) {
        if (end == start || end - start > 9) {
            return -1;
        }
        int number = 0;
        for (int i = start; i < end; i++) {
            char digit = xml.charAt(i);
            if (digit < '0' || digit > '9') {
                return -1;
            }
            number = 10 * number + (digit - '0');
        }
        return number;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
