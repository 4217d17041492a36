package cn.jixiao.render.pdf;

import cn.jixiao.fonts.FontException;
import cn.jixiao.render.RenderException;
import com.lowagie.text.DocumentException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The OpenPDF fonts of a run, read once. JasperReports asks OpenPDF for each font by file name, and OpenPDF answers
 * from its cache; putting them there first lets us
 * <ul>
 * <li>read each font file into memory once: left to itself, OpenPDF reads the glyphs of every subset it embeds
 * from the file in many small reads, hundreds of milliseconds per PDF;</li>
 * <li>embed compact subsets ({@link CompactSubsetFont}), whose subset tag ({@code ABCDEF+NotoSerifSC-Regular}) is
 * derived from the glyphs they hold, so the same input gives the same bytes.</li>
 * </ul>
 */
final class PdfFonts {

    private PdfFonts() {
    }

    /** Reads the font file into OpenPDF's cache, whole, under the name JasperReports will ask for. */
    static void preload(Path file) throws RenderException {
        try {
            new CompactSubsetFont(file.toAbsolutePath()).cache();
        } catch (DocumentException | IOException | FontException e) {
            throw new RenderException("cannot read font " + file + " for PDF: " + e.getMessage(), e);
        }
    }
}
