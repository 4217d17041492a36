package cn.jixiao.render.docx;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The UTF-8 bytes of one part being written for one form, and the characters each face must draw: the template's
 * XML is copied as it is, values are escaped as XML text. A character of run text that the run's face lacks and a
 * fallback face has is written in a run of its own, set in the fallback's family.
 */
final class PartWriter {

    private static final int REPLACEMENT = 0xFFFD;
    private static final Pattern RUN_FONTS = Pattern.compile("<(\\w+:)?rFonts\\b[^>]*>");

    private final BitSet[] codePoints;
    private final DocumentFonts fonts;
    private byte[] bytes;
    private int size;

    /** @param codePoints the characters drawn in each face, added to as values are written */
    PartWriter(int capacity, BitSet[] codePoints, DocumentFonts fonts) {
        this.bytes = new byte[capacity];
        this.codePoints = codePoints;
        this.fonts = fonts;
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
        int face = slot.field().face();
        boolean runText = slot.lineBreak() != null;
        int fallback = -1; // the fallback face of the run being written, -1 while in the slot's own run
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
            int drawnIn = face;
            if (runText && face != FieldUse.NOT_DRAWN && codePoint >= 0x80) {
                int needed = fonts.fallbackFace(face, codePoint);
                if (needed != fallback) {
                    switchRun(slot, needed);
                    fallback = needed;
                }
                drawnIn = needed >= 0 ? needed : face;
            }
            switch (codePoint) {
                case '&' -> appendAscii("&amp;");
                case '<' -> appendAscii("&lt;");
                case '>' -> appendAscii("&gt;");
                default -> appendCodePoint(codePoint);
            }
            if (drawnIn != FieldUse.NOT_DRAWN && codePoint >= 0x20) {
                codePoints[drawnIn].set(codePoint);
            }
        }
        if (fallback >= 0) {
            switchRun(slot, -1);
        }
    }

    /** Ends the run being written and starts one in the fallback face, or in the slot's own run's face for -1. */
    private void switchRun(XmlTemplate.FieldSlot slot, int fallback) {
        String head = slot.runHead();
        String runElement = head.substring(1, head.replace('>', ' ').indexOf(' ')); // w:r
        String prefix = runElement.substring(0, runElement.length() - 1);
        if (fallback >= 0) {
            head = inFamily(head, prefix, fonts.family(fallback));
        }
        append(("</" + prefix + "t></" + prefix + "r>" + head + "<" + prefix + "t xml:space=\"preserve\">")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The run head with its fonts replaced by the family for every script. */
    private static String inFamily(String head, String prefix, String family) {
        String name = family.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
        String runFonts = "<" + prefix + "rFonts " + prefix + "ascii=\"" + name + "\" " + prefix + "hAnsi=\"" + name
                + "\" " + prefix + "eastAsia=\"" + name + "\" " + prefix + "cs=\"" + name + "\"/>";
        Matcher existing = RUN_FONTS.matcher(head);
        if (existing.find()) {
            return head.substring(0, existing.start()) + runFonts + head.substring(existing.end());
        }
        int properties = head.indexOf("<" + prefix + "rPr>");
        if (properties >= 0) {
            int at = properties + prefix.length() + 5;
            return head.substring(0, at) + runFonts + head.substring(at);
        }
        int open = head.indexOf('>') + 1;
        return head.substring(0, open) + "<" + prefix + "rPr>" + runFonts + "</" + prefix + "rPr>"
                + head.substring(open);
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
