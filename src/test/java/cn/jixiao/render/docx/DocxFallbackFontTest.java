package cn.jixiao.render.docx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.fonts.FontLibrary;
import cn.jixiao.fonts.FontLibrary.Face;
import cn.jixiao.fonts.SystemFonts;
import cn.jixiao.layout.FormLayout;
import cn.jixiao.render.docx.DocxInspection.TableCell;
import cn.jixiao.testing.Forms;
import cn.jixiao.testing.MachineFonts;
import java.awt.Font;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The DOCX carries the fallback fonts' glyphs too, so that Word or LibreOffice on a machine without those fonts shows
 * the characters: each character a fallback font draws is a run of its own set in that font, and a subset of the font
 * is embedded as the configured fonts are. The fallback fonts are HanaMinA (fonts-hanazono) for 𠀀 and 𪚥 and DejaVu
 * Sans for ⅓ ({@link MachineFonts}); without those packages the tests are reported as skipped.
 */
class DocxFallbackFontTest {

    private static final String DEVIATION = "完成⅓以上𠀀与𪚥";

    @TempDir
    static Path machine;

    private static byte[] docx;

    @BeforeAll
    static void render() throws Exception {
        SystemFonts fonts = MachineFonts.hanazonoAndDejaVu(machine);
        List<Face> fallbacks = List.of(fonts.drawing('⅓').orElseThrow(), fonts.drawing(0x20000).orElseThrow());
        FormLayout form = FormLayout.of(Forms.withOnlyDeviation(SampleForms.seedForm1(), 0, DEVIATION));
        docx = new DocxRenderer(DocxRendererTest.TEMPLATE, DocxRendererTest.FONTS,
                FontLibrary.scan(Path.of("fonts")), fallbacks).render(form);
    }

    @Test
    void eachCharacterAFallbackFontDrawsIsARunSetInThatFont() throws Exception {
        try (XWPFDocument document = DocxInspection.open(docx)) {
            TableCell deviation = DocxInspection.rows(document).stream().flatMap(row -> row.cells().stream())
                    .filter(cell -> cell.text().equals(DEVIATION)).findFirst().orElseThrow();
            List<String> runs = deviation.cell().getParagraphs().stream()
                    .map(XWPFParagraph::getRuns).flatMap(List::stream)
                    .filter(run -> !run.text().isEmpty())
                    .map(run -> run.text() + " " + family(run))
                    .toList();
            assertEquals(List.of("完成 Noto Serif SC", "⅓ DejaVu Sans", "以上 Noto Serif SC", "𠀀 HanaMinA",
                    "与 Noto Serif SC", "𪚥 HanaMinA"), runs);
        }
    }

    @Test
    void theFallbackFontsAreEmbeddedAsSubsetsHoldingTheirCharacters() throws Exception {
        try (XWPFDocument document = DocxInspection.open(docx)) {
            Font hanaMin = embeddedRegular(document, "HanaMinA");
            assertTrue(hanaMin.canDisplay(0x20000) && hanaMin.canDisplay(0x2A6A5), "𠀀 and 𪚥 in the subset");
            assertFalse(hanaMin.canDisplay('龙'), "a character the fallback does not draw is not embedded");
            Font dejaVu = embeddedRegular(document, "DejaVu Sans");
            assertTrue(dejaVu.canDisplay('⅓'), "⅓ in the subset");
            assertFalse(dejaVu.canDisplay('A'), "a character the fallback does not draw is not embedded");
        }
    }

    @Test
    void aFallbackFontTheDocxCannotEmbedIsNamedOnItsRunsAndTheReasonIsGiven(@TempDir Path directory) throws Exception {
        Path postScript = Files.write(directory.resolve("PostScript.otf"), "OTTO and the rest of a CFF font"
                .getBytes(StandardCharsets.US_ASCII));
        Face dejaVu = SystemFonts.in(List.of(machine)).drawing('⅓').orElseThrow();
        Face fallback = new Face("PostScript Sans", postScript, false, dejaVu.awtFont());
        DocxRenderer renderer = new DocxRenderer(DocxRendererTest.TEMPLATE, DocxRendererTest.FONTS,
                FontLibrary.scan(Path.of("fonts")));

        byte[] document = renderer.render(FormLayout.of(Forms.withOnlyDeviation(SampleForms.seedForm1(), 0, "⅓")),
                List.of(fallback));

        assertEquals(Optional.of("the DOCX (cannot embed font " + postScript + ": the font has PostScript (CFF)"
                + " outlines; only TrueType outlines can be subset)"), renderer.lackingFormat(fallback));
        try (XWPFDocument docx = DocxInspection.open(document)) {
            XWPFRun third = DocxInspection.rows(docx).stream().flatMap(row -> row.cells().stream())
                    .filter(cell -> cell.text().equals("⅓")).findFirst().orElseThrow()
                    .cell().getParagraphs().get(0).getRuns().stream().filter(run -> run.text().equals("⅓"))
                    .findFirst().orElseThrow();
            assertEquals("PostScript Sans", family(third), "Word draws it where the font is installed");
            assertEquals(0, fontElement(docx, "PostScript Sans").getElementsByTagNameNS(DocumentFonts.W, "embedRegular")
                    .getLength(), "in the font table by name only, not embedded");
        }
    }

    /** The family set on a run, the same for every script. */
    private static String family(XWPFRun run) {
        CTFonts fonts = run.getCTR().getRPr().getRFontsArray(0);
        assertEquals(fonts.getEastAsia(), fonts.getAscii());
        assertEquals(fonts.getEastAsia(), fonts.getHAnsi());
        return fonts.getEastAsia();
    }

    /** The regular face of the family as the font table embeds it, de-obfuscated with its key and loaded by Java. */
    private static Font embeddedRegular(XWPFDocument document, String family) throws Exception {
        PackagePart fontTable = FontTable.fontTable(document);
        Element embed = (Element) fontElement(document, family)
                .getElementsByTagNameNS(DocumentFonts.W, "embedRegular").item(0);
        String id = embed.getAttributeNS("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id");
        byte[] bytes;
        try (InputStream in = fontTable.getRelatedPart(fontTable.getRelationship(id)).getInputStream()) {
            bytes = in.readAllBytes();
        }
        assertTrue(bytes.length < 200_000, "a subset, not the whole font: " + bytes.length + " bytes");
        EmbeddedFont.obfuscate(bytes, embed.getAttributeNS(DocumentFonts.W, "fontKey"));
        return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes));
    }

    /** The family's {@code w:font} element in the font table. */
    private static Element fontElement(XWPFDocument document, String family) throws Exception {
        Document table;
        try (InputStream in = FontTable.fontTable(document).getInputStream()) {
            table = XMLHelper.newDocumentBuilder().parse(in);
        }
        NodeList fonts = table.getElementsByTagNameNS(DocumentFonts.W, "font");
        for (int i = 0; i < fonts.getLength(); i++) {
            Element font = (Element) fonts.item(i);
            if (family.equals(font.getAttributeNS(DocumentFonts.W, "name"))) {
                return font;
            }
        }
        throw new AssertionError("no font " + family + " in the font table");
    }
}
