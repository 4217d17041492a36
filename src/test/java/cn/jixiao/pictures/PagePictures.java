package cn.jixiao.pictures;

import cn.jixiao.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Pictures of PDF pages as PDFBox draws them, and the reference pictures the tests compare them with.
 *
 * <p>References are kept in {@value #REFERENCE_DIRECTORY} as black-and-white PNGs at {@value #DPI} dpi (about 12 KB
 * a page); {@code -Djixiao.pictures.update=true} makes the picture tests write them instead of comparing
 * ({@link #UPDATE_COMMAND}).
 */
final class PagePictures {

    /** 100 dpi: a pixel is 0.72 pt, so a rule moved by a point moves by a pixel or more. */
    static final int DPI = 100;

    static final String REFERENCE_DIRECTORY = "src/test/resources/pictures";
    static final Path REFERENCES = Path.of(REFERENCE_DIRECTORY);

    /** Where a failing comparison leaves the expected, actual and diff pictures. */
    static final Path FAILURES = Path.of("target", "pictures");

    static final String UPDATE_PROPERTY = "jixiao.pictures.update";
    static final String UPDATE_COMMAND = "mvn test -Dtest=FormPicturesTest -D" + UPDATE_PROPERTY + "=true";

    private PagePictures() {
    }

    /** Whether this run writes the reference pictures instead of comparing with them. */
    static boolean updating() {
        return Boolean.getBoolean(UPDATE_PROPERTY);
    }

    /**
     * The ink of every page of the PDF at {@value #DPI} dpi, in black and white: drawn in greys (anti-aliased, so
     * that thin strokes and 0.5 pt rules leave their mark), then every grey that {@link Ink} counts as ink made black.
     */
    static List<BufferedImage> inkPages(byte[] pdf) {
        return pages(pdf, DPI).stream().map(page -> Ink.of(page).picture()).toList();
    }

    /** Every page of the PDF drawn in 256 greys at {@code dpi}. */
    static List<BufferedImage> pages(byte[] pdf, int dpi) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            List<BufferedImage> pages = new ArrayList<>();
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                pages.add(renderer.renderImageWithDPI(page, dpi, ImageType.GRAY));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reference picture of page {@code page} (from 1) of the form named {@code name}. */
    static Path reference(String name, int page) {
        return REFERENCES.resolve(name + "-page" + page + ".png");
    }

    /** The reference pictures of the form's pages, in page order. */
    static List<Path> references(String name) {
        List<Path> pages = new ArrayList<>();
        for (int page = 1; Files.exists(reference(name, page)); page++) {
            pages.add(reference(name, page));
        }
        return pages;
    }

    /** Replaces the form's reference pictures by these pages; returns the files written. */
    static List<Path> writeReferences(String name, List<BufferedImage> pages) {
        try (Stream<Path> old = Files.list(Files.createDirectories(REFERENCES))) {
            for (Path file : old.filter(file -> file.getFileName().toString().matches(
                    Pattern.quote(name) + "-page\\d+\\.png")).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> written = new ArrayList<>();
        for (int page = 1; page <= pages.size(); page++) {
            written.add(write(reference(name, page), pages.get(page - 1)));
        }
        return written;
    }

    static BufferedImage read(Path file) {
        try {
            BufferedImage picture = ImageIO.read(file.toFile());
            if (picture == null) {
                throw new IllegalStateException(file + " is not a picture ImageIO reads");
            }
            return picture;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the picture as PNG, whole or not at all: a one-bit PNG for a black-and-white picture. */
    static Path write(Path file, BufferedImage picture) {
        try {
            AtomicFiles.write(file, out -> ImageIO.write(picture, "png", out));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
