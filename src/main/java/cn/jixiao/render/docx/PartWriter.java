package cn.jixiao.render.docx;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The UTF-8 bytes of one part being written for one form, and the characters each face must draw: the template's
 * XML is copied as it is, values are escaped as XML text.
 */
final class PartWriter {

    private static final int REPLACEMENT = 0xFFFD;

    private final BitSet[] codePoints;
    private byte[] bytes;
    private int size;

    /** @param codePoints the characters drawn in each face, added to as values are written */
    PartWriter(int capacity, BitSet[] codePoints) {
        this.bytes = new byte[capacity];
        this.codePoints = codePoints;
    }

    void append(byte[] xml) {
        ensure(xml.length);
        System.arraycopy(xml, 0, bytes, size, xml.length);
        size += xml.length;
    }

    /**
     * A value as XML text: {@code & < >} escaped; in run text, line breaks ({@code \n}, {@code \r\n}, {@code \r}) and
     * tabs become Word's break and tab elements; a character XML cannot hold (a control character, a lone
     * surrogate) becomes U+FFFD.
     */
    void appendText(String value, XmlTemplate.FieldSlot slot) {
        BitSet drawn = slot.field().face() == FieldUse.NOT_DRAWN ? null : codePoints[slot.field().face()];
        boolean runText = slot.lineBreak() != null;
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (runText && (c == '\n' || c == '\r')) {
                if (c == '\r' && i + 1 < length && value.charAt(i + 1) == '\n') {
                    i++;
                }
                append(slot.lineBreak());
                continue;
            }
            if (runText && c == '\t') {
                append(slot.tab());
                continue;
            }
            int codePoint = c;
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                codePoint = Character.toCodePoint(c, value.charAt(++i));
            } else if (Character.isSurrogate(c) || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                    || c == 0xFFFE || c == 0xFFFF) {
                codePoint = REPLACEMENT;
            }
            switch (codePoint) {
                case '&' -> appendAscii("&amp;");
                case '<' -> appendAscii("&lt;");
                case '>' -> appendAscii("&gt;");
                default -> appendCodePoint(codePoint);
            }
            if (drawn != null && codePoint >= 0x20) {
                drawn.set(codePoint);
            }
        }
    }

    byte[] bytes() {
        return bytes;
    }

    int size() {
        return size;
    }

    private void appendAscii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            bytes[size++] = (byte) text.charAt(i);
        }
    }

    private void appendCodePoint(int codePoint) {
        ensure(4);
        if (codePoint < 0x80) {
            bytes[size++] = (byte) codePoint;
        } else if (codePoint < 0x800) {
            bytes[size++] = (byte) (0xC0 | (codePoint >> 6));
            bytes[size++] = (byte) (0x80 | (codePoint & 0x3F));
        } else if (codePoint < 0x10000) {
            bytes[size++] = (byte) (0xE0 | (codePoint >> 12));
            bytes[size++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
            bytes[size++] = (byte) (0x80 | (codePoint & 0x3F));
        } else {
            bytes[size++] = (byte) (0xF0 | (codePoint >> 18));
            bytes[size++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
            bytes[size++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
            bytes[size++] = (byte) (0x80 | (codePoint & 0x3F));
        }
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, size + more));
        }
    }
}
