package cn.jixiao.render.pdf;

import cn.jixiao.fonts.FontException;
import cn.jixiao.fonts.TrueTypeSubsetter;
import cn.jixiao.render.RenderException;
import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The OpenPDF fonts of a run, read once. JasperReports asks OpenPDF for each font by file name, and OpenPDF answers
 * from its cache; putting them there first lets us
 * <ul>
 * <li>read each font file into memory once: left to itself, OpenPDF reads the glyphs of every subset it embeds
 * from the file in many small reads, hundreds of milliseconds per PDF;</li>
 * <li>embed compact subsets of TrueType fonts ({@link CompactSubsetFont}), whose subset tag
 * ({@code ABCDEF+NotoSerifSC-Regular}) is derived from the glyphs they hold;</li>
 * <li>for the fonts jixiao cannot subset (PostScript outlines, {@code .otf} with CFF), which OpenPDF subsets itself,
 * fix what OpenPDF would pick at random: the six-letter subset tag. It is derived from the document being written and
 * the font. Either way the same input gives the same bytes, and the different subsets of forms merged into one PDF
 * keep different tags.</li>
 * </ul>
 */
final class PdfFonts {

    private static final ThreadLocal<String> DOCUMENT = new ThreadLocal<>();

    private PdfFonts() {
    }

    /** Reads the font file into OpenPDF's cache, whole, under the name JasperReports will ask for. */
    static void preload(Path file) throws RenderException {
        Path absolute = file.toAbsolutePath();
        try {
            TrueTypeSubsetter subsetter;
            try {
                subsetter = TrueTypeSubsetter.open(absolute);
            } catch (FontException notTrueType) {
                BaseFont font = BaseFont.createFont(absolute.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                        null, null, false, true);
                font.setSecureRandom(new DerivedSubsetTag(file.getFileName().toString()));
                font.setIncludeCidSet(false); // the CIDSet only serves PDF/A-1
                return;
            }
            new CompactSubsetFont(absolute, subsetter).cache();
        } catch (DocumentException | IOException e) {
            throw new RenderException("cannot read font " + file + " for PDF: " + e.getMessage(), e);
        }
    }

    /** Names the document the current thread writes until {@link #endDocument}: its subset tags derive from it. */
    static void beginDocument(String documentId) {
        DOCUMENT.set(documentId);
    }

    static void endDocument() {
        DOCUMENT.remove();
    }

    /**
     * Answers OpenPDF's six draws for a subset tag with the letters of a digest of the document and the font. OpenPDF
     * draws the six letters of a tag in a row on the thread that writes the document.
     */
    private static final class DerivedSubsetTag extends SecureRandom {
        private static final int TAG_LENGTH = 6;
        private final String font;
        private final transient ThreadLocal<Tag> tag = ThreadLocal.withInitial(Tag::new);

        DerivedSubsetTag(String font) {
            this.font = font;
        }

        @Override
        public double nextDouble() {
            Tag current = tag.get();
            if (current.position == 0) {
                current.digest = digest(DOCUMENT.get() + "\n" + font);
            }
            int letter = Byte.toUnsignedInt(current.digest[current.position]) % 26;
            current.position = (current.position + 1) % TAG_LENGTH;
            return (letter + 0.5) / 26;
        }

        private static byte[] digest(String text) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }

        private static final class Tag {
            int position;
            byte[] digest;
        }
    }
}
