package cn.jixiao.render.docx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.layout.FormGrid;
import cn.jixiao.layout.FormLayout;
import cn.jixiao.testing.TestEngine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Templates as users make them: restyled in Word, with split fields, or hostile. */
class DocxTemplateTest {

    private static final String DOCUMENT = "word/document.xml";
    private static final String PROJECT_NAME_RUN = "<w:r><w:t xml:space=\"preserve\">${projectName}</w:t></w:r>";

    @TempDir
    Path directory;

    @BeforeAll
    static void fonts() throws Exception {
        DocxRendererTest.createRenderer();
    }

    @Test
    void aFieldWordSplitOverSeveralRunsIsFilledWithTheFormattingOfItsFirstRun() throws Exception {
        Path template = edited("split.docx", DOCUMENT, xml -> replaceOnce(xml, PROJECT_NAME_RUN,
                "<w:r><w:rPr><w:b/></w:rPr><w:t>${proj</w:t></w:r><w:proofErr w:type=\"spellStart\"/>"
                        + "<w:r><w:t>ectNa</w:t></w:r><w:proofErr w:type=\"spellEnd\"/>"
                        + "<w:r><w:rPr><w:i/></w:rPr><w:t>me}</w:t></w:r>"));

        byte[] docx = renderer(template).render(FormLayout.of(SampleForms.seedForm1()));

        try (XWPFDocument document = DocxInspection.open(docx)) {
            var cell = DocxInspection.rows(document).get(0).cellAt(1);
            assertEquals("政府批准聘用人员支出", cell.text());
            var runs = cell.cell().getParagraphs().get(0).getRuns();
            assertEquals(1, runs.size(), "the emptied runs are gone");
            XWPFRun run = runs.get(0);
            assertTrue(run.isBold(), "formatting of the run where the field starts");
            assertFalse(run.isItalic());
        }
    }

    /**
     * The Word template's columns are the PDF's, so that a text wraps at the same place in both: the 绩效指标 label
     * column of form.jrxml and the indicator header cells of form-indicators.jrxml give the nine widths in points.
     */
    @Test
    void theShippedTemplatesColumnsAreThoseOfThePdfTemplates() throws Exception {
        List<Integer> points = new ArrayList<>();
        points.add(jrxmlFieldWidths(TestEngine.NATIONAL_TEMPLATES.resolve("form.jrxml"), List.of(FormGrid.INDICATORS)).get(0));
        points.addAll(jrxmlFieldWidths(TestEngine.NATIONAL_TEMPLATES.resolve("form-indicators.jrxml"), List.of(FormGrid.LEVEL1,
                FormGrid.LEVEL2, FormGrid.LEVEL3, FormGrid.TARGET, FormGrid.ACTUAL, FormGrid.WEIGHT, FormGrid.SCORE,
                FormGrid.DEVIATION)));
        List<BigInteger> twips = points.stream().map(width -> BigInteger.valueOf(20L * width)).toList();

        try (XWPFDocument template = DocxInspection.open(Files.readAllBytes(DocxRendererTest.TEMPLATE))) {
            for (XWPFTable table : template.getTables()) {
                List<Object> columns = table.getCTTbl().getTblGrid().getGridColList().stream()
                        .map(column -> column.getW()).toList();
                assertEquals(twips, columns, "grid columns of the template's tables in twips (1/20 pt)");
            }
        }
    }

    /** The widths of the text fields whose expression is one of these fixed texts, in their order. */
    private static List<Integer> jrxmlFieldWidths(Path jrxml, List<String> texts) throws Exception {
        org.w3c.dom.Document report = XMLHelper.newDocumentBuilder().parse(jrxml.toFile());
        NodeList elements = report.getElementsByTagName("element");
        List<Integer> widths = new ArrayList<>();
        for (String text : texts) {
            for (int i = 0; i < elements.getLength(); i++) {
                Element element = (Element) elements.item(i);
                NodeList expressions = element.getElementsByTagName("expression");
                if (element.getAttribute("kind").equals("textField")
                        && expressions.item(0).getTextContent().equals("\"" + text + "\"")) {
                    widths.add(Integer.parseInt(element.getAttribute("width")));
                    break;
                }
            }
        }
        assertEquals(texts.size(), widths.size(), "fields " + texts + " in " + jrxml);
        return widths;
    }

    @Test
    void aMistypedFieldIsRefusedWhenTheTemplateIsRead() throws Exception {
        Path template = edited("typo.docx", DOCUMENT, xml -> replaceOnce(xml, "${department}", "${departmnet}"));

        DocxException error = assertThrows(DocxException.class, () -> renderer(template));

        assertTrue(error.getMessage().startsWith("template typo.docx: unknown field ${departmnet} (known fields: "),
                error.getMessage());
        assertTrue(error.getMessage().contains("${department}"), error.getMessage());
    }

    @Test
    void aTemplateWithoutThePrototypeRowIsRefused() throws Exception {
        Path template = edited("no-prototype.docx", DOCUMENT, xml -> {
            int field = xml.indexOf("${indicator.level1}");
            int start = xml.lastIndexOf("<w:tr>", field);
            int end = xml.indexOf("</w:tr>", field) + "</w:tr>".length();
            return xml.substring(0, start) + xml.substring(end);
        });

        DocxException error = assertThrows(DocxException.class, () -> renderer(template));

        assertEquals("template no-prototype.docx: table row 11 should be the indicator row with the"
                + " ${indicator...} fields", error.getMessage());
    }

    /** The renderer marks fields with Unicode noncharacters while it reads a template; a template may not hold them. */
    @Test
    void aTemplateHoldingTheRenderersMarksIsRefused() throws Exception {
        Path template = edited("marks.docx", DOCUMENT, xml -> replaceOnce(xml, "项目名称", "项目\uFDD0名称"));

        DocxException error = assertThrows(DocxException.class, () -> renderer(template));

        assertEquals("template marks.docx: holds one of the characters U+FDD0 to U+FDD2, which are not text and which"
                + " the renderer reserves for its own marks", error.getMessage());
    }

    @Test
    void externalEntitiesAreNeverLoaded() throws Exception {
        Path secret = Files.writeString(directory.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        Path template = edited("xxe.docx", DOCUMENT, xml -> {
            String declaration = "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>";
            String withDoctype = xml.replaceFirst("\\?>", "?>" + declaration);
            return replaceOnce(withDoctype, "项目名称", "&xxe;");
        });

        DocxException error = assertThrows(DocxException.class, () -> renderer(template));

        assertTrue(error.getMessage().startsWith("template xxe.docx is not a readable Word document: "),
                error.getMessage());
        assertTrue(error.getMessage().toLowerCase().contains("doctype"), error.getMessage());
        assertFalse(error.getMessage().contains("TOP-SECRET"));
    }

    @Test
    void aZipBombIsRefused() throws Exception {
        byte[] zeros = new byte[(int) DocxRenderer.MAX_UNPACKED_BYTES + 1];
        Path template = directory.resolve("bomb.docx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(template))) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(zeros);
            zip.closeEntry();
        }
        assertTrue(Files.size(template) < 1_000_000, "small on disk");

        DocxException error = assertThrows(DocxException.class, () -> renderer(template));

        assertEquals("template bomb.docx unpacks to more than " + DocxRenderer.MAX_UNPACKED_BYTES
                + " bytes; refused as a possible zip bomb", error.getMessage());
    }

    @Test
    void anOversizedTemplateIsRefused() throws Exception {
        byte[] noise = new byte[(int) DocxRenderer.MAX_TEMPLATE_BYTES + 1];
        new Random(1).nextBytes(noise);
        Path template = Files.write(directory.resolve("huge.docx"), noise);

        DocxException error = assertThrows(DocxException.class, () -> renderer(template));

        assertEquals("template huge.docx is " + noise.length + " bytes; a form template may be at most "
                + DocxRenderer.MAX_TEMPLATE_BYTES + " bytes", error.getMessage());
    }

    @Test
    void aFileThatIsNotADocxIsRefused() throws Exception {
        Path template = Files.writeString(directory.resolve("notes.docx"), "just text");

        DocxException error = assertThrows(DocxException.class, () -> renderer(template));

        assertEquals("template notes.docx is not a .docx file (not a zip archive)", error.getMessage());
    }

    private static DocxRenderer renderer(Path template) throws Exception {
        return new DocxRenderer(template, DocxRendererTest.FONTS, DocxRendererTest.library);
    }

    /** A copy of the shipped template with one entry's XML edited. */
    private Path edited(String name, String entry, UnaryOperator<String> edit) throws IOException {
        byte[] original = Files.readAllBytes(DocxRendererTest.TEMPLATE);
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(original));
             ZipOutputStream out = new ZipOutputStream(copy)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals(entry)) {
                    content = edit.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        return Files.write(directory.resolve(name), copy.toByteArray());
    }

    private static String replaceOnce(String text, String target, String replacement) {
        int at = text.indexOf(target);
        assertTrue(at >= 0, "the shipped template holds " + target);
        return text.substring(0, at) + replacement + text.substring(at + target.length());
    }
}
