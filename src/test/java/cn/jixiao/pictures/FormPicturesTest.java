package cn.jixiao.pictures;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.jixiao.engine.OutputFormat;
import cn.jixiao.model.Evaluation;
import cn.jixiao.render.RenderException;
import cn.jixiao.testing.Examples;
import cn.jixiao.testing.Forms;
import cn.jixiao.testing.RegionalExamples;
import cn.jixiao.testing.TestEngine;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The forms as a reader sees them: every page of the five example forms and of a form over several pages, drawn by
 * PDFBox, looks like its reference picture in {@code src/test/resources/pictures/}: the table's rules where they were
 * to the pixel, the text within a pixel (see {@link PictureComparison}). A template edit that moves a column or drops
 * a border fails here, naming the rule; the pictures of a failing page are left in {@code target/pictures/}.
 *
 * <p>After an intended change, {@link PagePictures#UPDATE_COMMAND} rewrites the references and the README's picture
 * {@code examples/form-page1.png}; look at them before committing.
 */
class FormPicturesTest {

    /** The README's picture: page 1 of the first example, in greys at 80 dpi. */
    static final Path README_PICTURE = Path.of("examples", "form-page1.png");
    static final int README_DPI = 80;

    /** A form with a picture of each page: {@code name} names the reference files. */
    record Sample(String name, Evaluation form) {
        @Override
        public String toString() {
            return name + " (" + form.projectName() + ")";
        }
    }

    static Stream<Sample> forms() {
        List<Evaluation> examples = Examples.evaluations();
        Stream<Sample> seeds = IntStream.range(0, examples.size())
                .mapToObj(i -> new Sample("jinfeng-2023-" + (i + 1), examples.get(i)));
        Sample longForm = new Sample("forty-indicators", Forms.withIndicators(
                Examples.named("智慧金凤社会治理综合平台运行费"), Forms.numberedIndicators(40)));
        Sample xianjie = new Sample("xianjie-2023", RegionalExamples.xianjie());
        Sample longXianjie = new Sample("xianjie-forty-indicators", Forms.withIndicators(
                RegionalExamples.xianjie(), Forms.numberedIndicators(40)));
        Sample sichuan = new Sample("sichuan-2023", RegionalExamples.sichuan());
        return Stream.concat(seeds, Stream.of(longForm, xianjie, longXianjie, sichuan));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void everyPageLooksLikeItsReferencePicture(Sample sample) throws RenderException {
        List<BufferedImage> pages = PagePictures.inkPages(pdf(sample.form()));
        if (PagePictures.updating()) {
            wrote(PagePictures.writeReferences(sample.name(), pages));
        }
        List<Path> references = PagePictures.references(sample.name());
        List<String> failures = new ArrayList<>();
        if (references.size() != pages.size()) {
            failures.add(sample.form().projectName() + " has " + pages.size() + " pages now, " + references.size()
                    + " in the reference pictures " + PagePictures.reference(sample.name(), 1).getParent());
        }
        for (int page = 1; page <= Math.min(pages.size(), references.size()); page++) {
            String name = sample.name() + "-page" + page;
            failures.addAll(differences("page " + page + " of " + sample.form().projectName(), name,
                    PagePictures.read(references.get(page - 1)), pages.get(page - 1), PagePictures.DPI));
        }
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures) + "\n" + howToUpdate());
        }
    }

    /**
     * {@code examples/form-page1.png}, the README's picture, is page 1 of the first example as the build renders it
     * now, so that it never shows an older grid.
     */
    @Test
    void theReadmePictureIsPageOneOfTheFirstExampleAsRenderedNow() throws RenderException {
        BufferedImage now = PagePictures.pages(pdf(Examples.evaluations().get(0)), README_DPI).get(0);
        if (PagePictures.updating()) {
            wrote(List.of(PagePictures.write(README_PICTURE, now)));
        }
        assertTrue(Files.exists(README_PICTURE), README_PICTURE + " exists\n" + howToUpdate());
        List<String> failures = differences(README_PICTURE + ", the README's picture of page 1 of "
                + Examples.evaluations().get(0).projectName(), "readme-form-page1", PagePictures.read(README_PICTURE),
                now, README_DPI);
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures) + "\n" + howToUpdate());
        }
    }

    /** The lines of a failure message for a page that differs from its reference, its pictures written; none if same. */
    private static List<String> differences(String page, String name, BufferedImage reference, BufferedImage now, int dpi) {
        PictureComparison.Result result = PictureComparison.compare(reference, now, dpi);
        if (result.same()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add(page + " differs from its reference picture:");
        result.describe(12).forEach(line -> lines.add("  " + line));
        lines.add("  " + result.writeImages(PagePictures.FAILURES, name));
        return lines;
    }

    private static byte[] pdf(Evaluation form) throws RenderException {
        return TestEngine.pdf().render(form, null).documents().get(OutputFormat.PDF);
    }

    private static String howToUpdate() {
        return "If the change is intended, rewrite the reference pictures with\n  " + PagePictures.UPDATE_COMMAND
                + "\nand look at them before committing.";
    }

    /** Says what update mode wrote, and marks the test as not having compared anything. */
    private static void wrote(List<Path> files) {
        String message = PagePictures.UPDATE_PROPERTY + ": wrote " + files + " (not compared)";
        System.out.println(message);
        Assumptions.abort(message);
    }
}
