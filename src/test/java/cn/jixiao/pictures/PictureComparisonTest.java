package cn.jixiao.pictures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.engine.FormEngine;
import cn.jixiao.engine.OutputFormat;
import cn.jixiao.fonts.FontSettings;
import cn.jixiao.pictures.PictureComparison.Change;
import cn.jixiao.pictures.PictureComparison.LineDifference;
import cn.jixiao.pictures.PictureComparison.Result;
import cn.jixiao.pictures.TableLines.Direction;
import cn.jixiao.testing.Examples;
import cn.jixiao.testing.TestEngine;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The picture comparison can fail, and says where: a rule moved, a border dropped or a text changed is reported with
 * its position, on drawn tables and on a form rendered from edited templates.
 */
class PictureComparisonTest {

    /** At 72 dpi a pixel is a point, so the expected messages read in the template's units. */
    private static final int DPI = 72;

    @TempDir
    Path directory;

    /**
     * A table of three columns and two rows: vertical rules at x = 100, 200, 300 and 400 px, horizontal ones at
     * y = 100, 150 and 200 px; {@code edit} draws on it (white erases).
     */
    private static BufferedImage table(Consumer<Graphics2D> edit) {
        BufferedImage picture = new BufferedImage(500, 300, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = picture.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 500, 300);
        graphics.setColor(Color.BLACK);
        for (int x = 100; x <= 400; x += 100) {
            graphics.drawLine(x, 100, x, 200);
        }
        for (int y = 100; y <= 200; y += 50) {
            graphics.drawLine(100, y, 400, y);
        }
        edit.accept(graphics);
        graphics.dispose();
        return picture;
    }

    private static final Consumer<Graphics2D> UNCHANGED = graphics -> {
    };

    @Test
    void theSamePictureIsTheSame() {
        Result result = PictureComparison.compare(table(UNCHANGED), table(UNCHANGED), DPI);

        assertTrue(result.same(), String.join("\n", result.describe(20)));
    }

    @Test
    void aColumnRuleMovedByThreePixelsIsReportedWithBothPositions() {
        BufferedImage moved = table(graphics -> {
            graphics.setColor(Color.WHITE);
            graphics.drawLine(200, 101, 200, 199);
            graphics.setColor(Color.BLACK);
            graphics.drawLine(203, 100, 203, 200);
        });

        Result result = PictureComparison.compare(table(UNCHANGED), moved, DPI);

        assertEquals(List.of("vertical rule 2 at x=200 px (200.0 pt) in the reference, x=203 px (203.0 pt) now"
                + " (y=100–200 px)"), descriptions(result.lines()));
    }

    @Test
    void aRuleDrawnOnePixelFurtherIsWithinTheTolerance() {
        BufferedImage shifted = table(graphics -> {
            graphics.setColor(Color.WHITE);
            graphics.drawLine(200, 101, 200, 199);
            graphics.setColor(Color.BLACK);
            graphics.drawLine(201, 100, 201, 200);
        });

        Result result = PictureComparison.compare(table(UNCHANGED), shifted, DPI);

        assertTrue(result.same(), String.join("\n", result.describe(20)));
    }

    @Test
    void aDroppedBorderIsReportedAsTheStretchOfItsRuleThatIsMissing() {
        BufferedImage dropped = table(graphics -> {
            graphics.setColor(Color.WHITE);
            graphics.drawLine(101, 150, 199, 150);
        });

        Result result = PictureComparison.compare(table(UNCHANGED), dropped, DPI);

        assertEquals(List.of("horizontal rule 2 at y=150 px (150.0 pt): x=100–198 px drawn in the reference,"
                + " missing now"), descriptions(result.lines()));
    }

    @Test
    void aNewLineIsReported() {
        BufferedImage added = table(graphics -> graphics.drawLine(250, 150, 250, 200));

        Result result = PictureComparison.compare(table(UNCHANGED), added, DPI);

        assertEquals(List.of("new vertical line at x=250 px (250.0 pt), y=150–200 px: drawn now, not in the"
                + " reference"), descriptions(result.lines()));
    }

    @Test
    void aChangedTextMakesItsTileDifferButAStrayPixelDoesNot() {
        BufferedImage stray = table(graphics -> graphics.fillRect(450, 250, 1, 1));
        assertTrue(PictureComparison.compare(table(UNCHANGED), stray, DPI).same(), "one stray pixel");

        BufferedImage text = table(graphics -> graphics.fillRect(130, 120, 4, 4));
        Result result = PictureComparison.compare(table(UNCHANGED), text, DPI);

        assertTrue(result.lines().isEmpty(), "no rule changed");
        assertEquals(1, result.tiles().size(), "the tile of the 4×4 px mark differs");
        assertEquals(128, result.tiles().get(0).x);
        assertEquals(112, result.tiles().get(0).y);
        String message = String.join("\n", result.describe(20));
        assertTrue(message.startsWith("1 of 608 tiles of 16×16 px differ in their ink"), message);
        assertTrue(message.endsWith("the first at x=128–143, y=112–127 px"), message);
    }

    @Test
    void aFailureLeavesTheExpectedTheActualAndADiffPictureWithTheDifferencesInRed() throws Exception {
        BufferedImage dropped = table(graphics -> {
            graphics.setColor(Color.WHITE);
            graphics.drawLine(101, 150, 199, 150);
        });

        String written = PictureComparison.compare(table(UNCHANGED), dropped, DPI).writeImages(directory, "form");

        assertTrue(written.contains(directory.resolve("form-diff.png").toString()), written);
        BufferedImage diff = PagePictures.read(directory.resolve("form-diff.png"));
        assertEquals(Color.RED.getRGB(), diff.getRGB(150, 150), "the dropped border, drawn in red");
        assertEquals(Color.LIGHT_GRAY.getRGB(), diff.getRGB(300, 150), "a rule of both pictures, in grey");
        assertTrue(Files.exists(directory.resolve("form-expected.png")));
        assertTrue(Files.exists(directory.resolve("form-actual.png")));
    }

    /**
     * A template edit that the picture test must catch: the boundary between 得分 and 偏差原因分析及改进措施 moved 8 pt
     * to the left throughout form-indicators.jrxml, and the border of the 偏差原因分析及改进措施 header cell taken off.
     * Compared with the reference picture of the first example, the comparison names the rule that moved, with both
     * positions, and the stretch of the table's right edge that is missing.
     */
    @Test
    void aTemplateEditThatMovesAColumnAndDropsABorderIsReportedRuleByRule() throws Exception {
        Path templates = TestEngine.copyTemplates(directory.resolve("templates"));
        Path indicators = templates.resolve("national").resolve("form-indicators.jrxml");
        String jrxml = Files.readString(indicators, StandardCharsets.UTF_8);
        // 得分 38 → 30 pt and 偏差原因分析及改进措施 77 → 85 pt, in the header, the group fillers and both lists
        for (int offset : new int[] {0, 48, 104}) {
            jrxml = replaceAll(jrxml, at(334 - offset, 38), at(334 - offset, 30));
            jrxml = replaceAll(jrxml, at(372 - offset, 77), at(364 - offset, 85));
        }
        String deviationHeader = "<expression><![CDATA[\"偏差原因分析及改进措施\"]]>";
        jrxml = replaceAll(jrxml, deviationHeader, "<box><pen lineWidth=\"0.0\"/></box>" + deviationHeader);
        Files.writeString(indicators, jrxml, StandardCharsets.UTF_8);
        FormEngine edited = FormEngine.start(new FormEngine.Settings(templates, TestEngine.TEMPLATE_CACHE,
                FontSettings.shipped(TestEngine.FONTS), Set.of(OutputFormat.PDF)));
        byte[] pdf = edited.render(Examples.evaluations().get(0), null).documents().get(OutputFormat.PDF);

        Result result = PictureComparison.compare(PagePictures.read(PagePictures.reference("jinfeng-2023-1", 1)),
                PagePictures.inkPages(pdf).get(0), PagePictures.DPI);

        String message = String.join("\n", result.describe(100));
        int tableLeft = 51 + 44;
        LineDifference moved = find(result, Direction.VERTICAL, Change.MOVED, tableLeft + 372, message);
        assertPixelOfPoint(tableLeft + 364, moved.now(), "where the moved rule is now\n" + message);
        assertTrue(message.contains(moved.describe()), message);
        assertTrue(moved.describe().matches("vertical rule \\d+ at x=64[89] px \\(46[67]\\.\\d pt\\) in the reference,"
                + " x=63[78] px \\(45[89]\\.\\d pt\\) now \\(y=\\d+–\\d+ px\\)"), moved.describe());
        LineDifference dropped = find(result, Direction.VERTICAL, Change.MISSING, tableLeft + 449, message);
        assertTrue(dropped.stretch().length() >= pixels(19), "the header row's height of the right edge is missing, "
                + dropped.stretch() + "\n" + message);
        assertFalse(result.same());
    }

    private static String at(int x, int width) {
        return "x=\"" + x + "\" y=\"0\" width=\"" + width + "\"";
    }

    private static String replaceAll(String text, String old, String replacement) {
        assertTrue(text.contains(old), "the template holds " + old);
        return text.replace(old, replacement);
    }

    /** The line difference of that kind whose rule was at {@code points} (from the page's edge) in the reference. */
    private static LineDifference find(Result result, Direction direction, Change change, int points,
                                       String message) {
        return result.lines().stream()
                .filter(line -> line.direction() == direction && line.change() == change
                        && Math.abs(line.reference() - pixels(points)) <= PictureComparison.LINE_TOLERANCE)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + change + " " + direction.word + " rule at "
                        + pixels(points) + " px (" + points + " pt) reported in\n" + message));
    }

    private static void assertPixelOfPoint(int points, int pixel, String what) {
        assertTrue(Math.abs(pixel - pixels(points)) <= PictureComparison.LINE_TOLERANCE,
                what + ": " + pixel + " px, expected " + pixels(points) + " px (" + points + " pt)");
    }

    private static int pixels(double points) {
        return (int) Math.floor(points * PagePictures.DPI / 72);
    }

    private static List<String> descriptions(List<LineDifference> lines) {
        return lines.stream().map(LineDifference::describe).collect(Collectors.toList());
    }
}
