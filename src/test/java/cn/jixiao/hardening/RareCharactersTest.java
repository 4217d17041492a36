package cn.jixiao.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.jixiao.testing.Jixiao;
import cn.jixiao.testing.MachineFonts;
import cn.jixiao.testing.PdfFile;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jixiao render} as it is run, with the machine's fonts: a 生僻字 of CJK Extension B (𠀀, 𪚥) and the symbol ⅓,
 * which the shipped Noto Serif SC lacks, are printed in the PDF and the DOCX without any option, and the warning names
 * the font that draws them. Which font that is depends on the machine; with fonts-hanazono installed there is one for
 * each (without it the test is reported as skipped).
 */
class RareCharactersTest {

    private static final Pattern DRAWN_WITH = Pattern.compile("; it is drawn with (.+), a font of this machine \\(");

    @Test
    void rareCharactersAndSymbolsPrintByDefaultInThePdfAndTheDocx(@TempDir Path directory) throws Exception {
        assumeTrue(Files.isRegularFile(MachineFonts.HANAZONO.resolve("HanaMinB.ttf")), "fonts-hanazono is not installed");
        ObjectNode project = Workspace.project("生僻字𠀀𪚥项目");
        ((ObjectNode) project.path("indicators").get(0)).put("target", "完成⅓以上");
        Path input = Workspace.writeJson(directory.resolve("rare.json"), project);
        Path output = directory.resolve("out");

        Jixiao.Run run = Jixiao.run("render", input.toString(), "-o", output.toString(), "--format", "pdf,docx");

        assertEquals(0, run.exitCode(), run.err());
        List<String> warnings = run.warnings();
        assertEquals(3, warnings.size(), "one for each of 𠀀, 𪚥 and ⅓: " + warnings);
        for (String warning : warnings) {
            assertTrue(DRAWN_WITH.matcher(warning).find(), warning);
        }
        try (PdfFile pdf = PdfFile.read(output.resolve("2023-生僻字𠀀𪚥项目.pdf"))) {
            assertTrue(pdf.compactText().contains("生僻字𠀀𪚥项目"), pdf.compactText());
            assertTrue(pdf.compactText().contains("完成⅓以上"), pdf.compactText());
        }
        byte[] docx = Files.readAllBytes(output.resolve("2023-生僻字𠀀𪚥项目.docx"));
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor text = new XWPFWordExtractor(document)) {
            assertTrue(text.getText().contains("生僻字𠀀𪚥项目"), text.getText());
            assertTrue(text.getText().contains("完成⅓以上"), text.getText());
            String fontTable = fontTable(document);
            for (String warning : warnings) {
                Matcher font = DRAWN_WITH.matcher(warning);
                assertTrue(font.find());
                assertTrue(fontTable.contains("<w:font w:name=\"" + font.group(1) + "\"><w:embedRegular "),
                        font.group(1) + " is embedded in the DOCX: " + fontTable);
            }
        }
    }

    private static String fontTable(XWPFDocument document) throws Exception {
        PackagePart part = document.getPackage().getPartsByContentType(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml").get(0);
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
