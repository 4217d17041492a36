package cn.jixiao.render.pdf;

import cn.jixiao.render.RenderException;
import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * The OpenPDF fonts of a run, read once. JasperReports asks OpenPDF for each font by file name, and OpenPDF answers
 * from its cache; creating them here first lets us
 * <ul>
 * <li>read each font file into memory once: left to itself, OpenPDF reads the glyphs of every subset it embeds
 * from the file in many small reads, hundreds of milliseconds per PDF;</li>
 * <li>fix what OpenPDF would pick at random: the six-letter tag of each embedded subset
 * ({@code ABCDEF+NotoSerifSC-Regular}), so the same input gives the same bytes.</li>
 * </ul>
 */
final class PdfFonts {

    private PdfFonts() {
    }

    /** Reads the font file into OpenPDF's cache, whole, under the name JasperReports will ask for. */
    static void preload(Path file) throws RenderException {
        try {
            BaseFont font = BaseFont.createFont(file.toAbsolutePath().toString(), BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED, true, null, null, false, true);
            font.setSecureRandom(new FixedSubsetTag(file.getFileName().toString()));
        } catch (DocumentException | IOException e) {
            throw new RenderException("cannot read font " + file + " for PDF: " + e.getMessage(), e);
        }
    }

    /**
     * Answers OpenPDF's six draws for a subset tag with the letters of a tag derived from the font's file name.
     * OpenPDF draws the six letters of a tag in a row on one thread, so a per-thread position keeps them in order.
     */
    private static final class FixedSubsetTag extends SecureRandom {
        private static final int TAG_LENGTH = 6;
        private final double[] letters = new double[TAG_LENGTH];
        private final transient ThreadLocal<int[]> position = ThreadLocal.withInitial(() -> new int[1]);

        FixedSubsetTag(String seed) {
            int hash = seed.hashCode();
            for (int k = 0; k < TAG_LENGTH; k++) {
                letters[k] = (Math.floorMod(hash >> (k * 5), 26) + 0.5) / 26;
            }
        }

        @Override
        public double nextDouble() {
            int[] next = position.get();
            double letter = letters[next[0]];
            next[0] = (next[0] + 1) % TAG_LENGTH;
            return letter;
        }
    }
}
