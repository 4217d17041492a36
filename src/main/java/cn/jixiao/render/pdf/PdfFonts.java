package cn.jixiao.render.pdf;

import cn.jixiao.render.RenderException;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfStream;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The OpenPDF fonts of a run, read once. JasperReports asks OpenPDF for each font by file name, and OpenPDF answers
 * from its cache; creating them here first lets us
 * <ul>
 * <li>read each font file into memory once: left to itself, OpenPDF reads the glyphs of every subset it embeds
 * from the file in many small reads, hundreds of milliseconds per PDF;</li>
 * <li>leave the font programs undeflated, for {@link FontProgramTrimmer} to trim and deflate;</li>
 * <li>fix what OpenPDF would pick at random: the six-letter tag of each embedded subset
 * ({@code ABCDEF+NotoSerifSC-Regular}). The tag is derived from the document being written and the font, so the same
 * input gives the same bytes, and the different subsets of forms merged into one PDF keep different tags.</li>
 * </ul>
 */
final class PdfFonts {

    private static final ThreadLocal<String> DOCUMENT = new ThreadLocal<>();

    private PdfFonts() {
    }

    /** Reads the font file into OpenPDF's cache, whole, under the name JasperReports will ask for. */
    static void preload(Path file) throws RenderException {
        try {
            BaseFont font = BaseFont.createFont(file.toAbsolutePath().toString(), BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED, true, null, null, false, true);
            font.setSecureRandom(new DerivedSubsetTag(file.getFileName().toString()));
            // Stored, not deflated: FontProgramTrimmer trims the program and deflates it once.
            font.setCompressionLevel(PdfStream.NO_COMPRESSION);
            // The CIDSet only serves PDF/A-1, and would be stored uncompressed too.
            font.setIncludeCidSet(false);
        } catch (DocumentException | IOException e) {
            throw new RenderException("cannot read font " + file + " for PDF: " + e.getMessage(), e);
        }
    }

    /**
     * A small PDF as OpenPDF writes one with the font, {@link #preload}ed before: the title of the form, for
     * {@link FontProgramTrimmer#checkShape}.
     */
    static byte[] sample(Path fontFile) throws RenderException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        try {
            PdfWriter.getInstance(document, out);
            document.open();
            BaseFont font = BaseFont.createFont(fontFile.toAbsolutePath().toString(), BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED, true, null, null, false, true);
            document.add(new Paragraph("项目支出绩效自评表 2023", new Font(font, 12)));
            document.close();
        } catch (DocumentException | IOException e) {
            throw new RenderException("cannot write a sample PDF with font " + fontFile + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
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
