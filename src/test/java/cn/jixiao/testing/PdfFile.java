package cn.jixiao.testing;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.pdfbox.text.TextPosition;

/**
 * A PDF as its reader gets it, seen through PDFBox: pages, the text of each page, the fonts, the bookmarks and the
 * document information. Text comes in the order the page draws it, which for our forms is cell by cell; a cell that
 * wraps gives line breaks, so compare texts with {@link #compact}.
 */
public final class PdfFile implements AutoCloseable {

    /** A font as a page uses it, e.g. {@code BRMMAI+NotoSerifSC-Regular}. */
    public record Font(String name, boolean embedded) {
        /** The six capital letters and {@code +} a PDF writer puts before the name of a font subset. */
        public boolean subset() {
            return name.matches("[A-Z]{6}\\+.+");
        }

        /** The font's own name, without the subset tag. */
        public String baseName() {
            return subset() ? name.substring(7) : name;
        }
    }

    /** An outline entry of the document and the 1-based page it opens; 0 when it opens none. */
    public record Bookmark(String title, int page) {
    }

    /** A character as a page draws it (its text may be more than one character, e.g. a ligature's). */
    public record DrawnCharacter(int page, String text, double x, double y) {
    }

    private final PDDocument document;

    private PdfFile(PDDocument document) {
        this.document = document;
    }

    public static PdfFile of(byte[] pdf) {
        try {
            return new PdfFile(Loader.loadPDF(pdf));
        } catch (IOException e) {
            throw new UncheckedIOException("not a PDF PDFBox can read", e);
        }
    }

    public static PdfFile read(Path file) {
        try {
            return of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text without any whitespace: what is left to compare once cells have wrapped their lines. */
    public static String compact(String text) {
        return text.codePoints().filter(c -> !Character.isWhitespace(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    public int pageCount() {
        return document.getNumberOfPages();
    }

    /** The size of a page (1-based) in points. */
    public PDRectangle pageSize(int page) {
        return document.getPage(page - 1).getMediaBox();
    }

    /** The text of a page (1-based) in drawing order. */
    public String pageText(int page) {
        try {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return stripper.getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text of a page (1-based) inside a region given in points from the page's top left corner, line after line
     * from the top.
     */
    public String regionText(int page, Rectangle2D region) {
        try {
            PDFTextStripperByArea stripper = new PDFTextStripperByArea();
            stripper.addRegion("region", region);
            stripper.extractRegions(document.getPage(page - 1));
            return stripper.getTextForRegion("region");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every character the pages draw, in drawing order, each with its page (1-based) and the centre of its box in
     * points from the page's top left corner.
     */
    public List<DrawnCharacter> drawnCharacters() {
        List<DrawnCharacter> characters = new ArrayList<>();
        try {
            new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    characters.add(new DrawnCharacter(getCurrentPageNo(), text.getUnicode(),
                            text.getXDirAdj() + text.getWidthDirAdj() / 2,
                            text.getYDirAdj() - text.getHeightDir() / 2));
                }
            }.getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return characters;
    }

    /** The text of every page, in order. */
    public List<String> pageTexts() {
        List<String> pages = new ArrayList<>();
        for (int page = 1; page <= pageCount(); page++) {
            pages.add(pageText(page));
        }
        return pages;
    }

    /** The whole document's text without whitespace. */
    public String compactText() {
        return compact(String.join("", pageTexts()));
    }

    /**
     * Every font the pages use, each once, found through the page resources and the resources of the forms (XObjects)
     * they draw, however deeply nested.
     */
    public Set<Font> fonts() {
        Set<Font> fonts = new LinkedHashSet<>();
        Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (PDPage page : document.getPages()) {
            collectFonts(page.getResources(), fonts, seen);
        }
        return fonts;
    }

    private static void collectFonts(PDResources resources, Set<Font> fonts, Set<COSDictionary> seen) {
        if (resources == null || !seen.add(resources.getCOSObject())) {
            return;
        }
        try {
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                fonts.add(new Font(font.getName(), font.isEmbedded()));
            }
            for (COSName name : resources.getXObjectNames()) {
                PDXObject object = resources.getXObject(name);
                if (object instanceof PDFormXObject form) {
                    collectFonts(form.getResources(), fonts, seen);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The top-level outline entries, in order. */
    public List<Bookmark> bookmarks() {
        List<Bookmark> bookmarks = new ArrayList<>();
        PDDocumentOutline outline = document.getDocumentCatalog().getDocumentOutline();
        if (outline == null) {
            return bookmarks;
        }
        try {
            for (PDOutlineItem item : outline.children()) {
                PDPage target = item.findDestinationPage(document);
                bookmarks.add(new Bookmark(item.getTitle(),
                        target == null ? 0 : document.getPages().indexOf(target) + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bookmarks;
    }

    public String title() {
        return info().getTitle();
    }

    /** {@code /CreationDate} of the document information; {@code null} when the PDF has none. */
    public Calendar creationDate() {
        return info().getCreationDate();
    }

    /** {@code /ModDate} of the document information; {@code null} when the PDF has none. */
    public Calendar modificationDate() {
        return info().getModificationDate();
    }

    /** Whether the document information holds a {@code /CreationDate} entry at all. */
    public boolean hasCreationDate() {
        return info().getCOSObject().containsKey(COSName.CREATION_DATE);
    }

    /** How many font programs ({@code /FontFile2} streams) the file holds, however many fonts refer to them. */
    public int fontPrograms() {
        Set<Object> programs = Collections.newSetFromMap(new IdentityHashMap<>());
        for (COSObject descriptor : document.getDocument().getObjectsByType(COSName.FONT_DESC)) {
            if (descriptor.getObject() instanceof COSDictionary dictionary
                    && dictionary.getDictionaryObject(COSName.FONT_FILE2) != null) {
                programs.add(dictionary.getDictionaryObject(COSName.FONT_FILE2));
            }
        }
        return programs.size();
    }

    /** A page (1-based) as a viewer shows it, at the given resolution. */
    public BufferedImage pageImage(int page, float dpi) {
        try {
            return new PDFRenderer(document).renderImageWithDPI(page - 1, dpi);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The XMP metadata of the document catalog; empty when there is none. */
    public byte[] metadata() {
        PDMetadata metadata = document.getDocumentCatalog().getMetadata();
        try {
            return metadata == null ? new byte[0] : metadata.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PDDocumentInformation info() {
        return document.getDocumentInformation();
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
