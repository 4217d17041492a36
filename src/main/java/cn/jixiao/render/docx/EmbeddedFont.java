package cn.jixiao.render.docx;

import cn.jixiao.fonts.FontException;
import cn.jixiao.fonts.TrueTypeSubsetter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.BitSet;

/**
 * One font file embedded in the document as Word embeds fonts (ECMA-376 Part 1 §17.8.1): each form's subset of it,
 * obfuscated with the font key, in the part {@code entryName}.
 *
 * @param faces the numbers of the faces drawn from this file ({@link DocumentFonts})
 */
record EmbeddedFont(String entryName, BitSet faces, TrueTypeSubsetter subsetter, String fontKey) {

    /** The embedded part for one form: the subset of the characters its faces draw, obfuscated. */
    byte[] subset(BitSet codePoints) throws DocxException {
        try {
            byte[] subset = subsetter.subset(codePoints);
            obfuscate(subset, fontKey);
            return subset;
        } catch (FontException e) {
            throw new DocxException("cannot embed the fonts: " + e.getMessage(), e);
        }
    }

    /** A GUID derived from the family and style, so the same document gets the same key every time. */
    static String fontKey(String family, boolean bold) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((family + (bold ? "|Bold" : "|Regular")).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                hex.append(String.format("%02X", hash[i]));
            }
            return "{" + hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20) + "}";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * ECMA-376 Part 1 §17.8.1: the first 32 bytes of the font XORed with the key, the GUID's 16 bytes in reverse
     * order of its hexadecimal text. Applying it twice restores the font.
     */
    static void obfuscate(byte[] font, String fontKey) {
        String hex = fontKey.replaceAll("[{}-]", "");
        byte[] key = new byte[16];
        for (int i = 0; i < 16; i++) {
            key[i] = (byte) Integer.parseInt(hex.substring(30 - 2 * i, 32 - 2 * i), 16);
        }
        for (int i = 0; i < 32 && i < font.length; i++) {
            font[i] ^= key[i % 16];
        }
    }
}
