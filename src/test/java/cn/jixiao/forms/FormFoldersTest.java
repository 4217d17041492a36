package cn.jixiao.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.model.Form;
import cn.jixiao.testing.Examples;
import cn.jixiao.testing.Jixiao;
import cn.jixiao.testing.PdfFile;
import cn.jixiao.testing.TestEngine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each form is a folder of templates named after it ({@code templates/national/}, {@code templates/xianjie/}, …),
 * and the batch summary, shared by all, lies beside them. Adding a form is its folder and its name: the schema's
 * {@code form} lists exactly the forms of {@link Form}. A user's set made before forms had folders, the national
 * form's files in the directory itself, is still read.
 */
class FormFoldersTest {

    private static final List<String> FORM_TEMPLATES = List.of("form.jrxml", "form-indicators.jrxml", "form.jrtx",
            "form.docx");

    @TempDir
    Path directory;

    @Test
    void theShippedTemplatesAreAFolderPerFormAndTheSummaryBesideThem() throws Exception {
        List<String> expected = new ArrayList<>(List.of("summary.jrxml"));
        for (Form form : Form.values()) {
            FORM_TEMPLATES.forEach(file -> expected.add(form.id() + "/" + file));
            assertEquals(TestEngine.TEMPLATES.resolve(form.id()), form.templatesFolder(TestEngine.TEMPLATES));
        }
        try (Stream<Path> files = Files.walk(TestEngine.TEMPLATES)) {
            assertEquals(expected.stream().sorted().toList(), files.filter(Files::isRegularFile)
                    .map(file -> TestEngine.TEMPLATES.relativize(file).toString()).sorted().toList());
        }
    }

    @Test
    void theSchemaNamesExactlyTheForms() throws Exception {
        try (InputStream in = Form.class.getResourceAsStream("/cn/jixiao/input/evaluation.schema.json")) {
            JsonNode names = new ObjectMapper().readTree(in).at("/$defs/evaluation/properties/form/enum");
            List<String> named = new ArrayList<>();
            names.forEach(name -> {
                if (!name.isNull()) {
                    named.add(name.asText());
                }
            });
            assertEquals(Arrays.stream(Form.values()).map(Form::id).toList(), named);
        }
    }

    @Test
    void aSetWithTheNationalFormsFilesInItsOwnDirectoryIsStillRead() throws Exception {
        Path former = Files.createDirectories(directory.resolve("former"));
        try (Stream<Path> national = Files.list(TestEngine.NATIONAL_TEMPLATES)) {
            for (Path file : national.toList()) {
                Files.copy(file, former.resolve(file.getFileName()));
            }
        }
        Files.copy(TestEngine.TEMPLATES.resolve("summary.jrxml"), former.resolve("summary.jrxml"));
        Path out = directory.resolve("out");

        Jixiao.Run run = Jixiao.run("batch", Examples.FILE.toString(), "--templates", former.toString(),
                "-o", out.toString(), "--quiet");

        assertEquals(0, run.exitCode(), run.err());
        try (PdfFile form = PdfFile.read(out.resolve("2023-政府批准聘用人员支出.pdf"));
             PdfFile summary = PdfFile.read(out.resolve("项目支出绩效自评汇总表.pdf"))) {
            assertTrue(form.compactText().contains("项目支出绩效自评表"), form.compactText());
            assertTrue(summary.compactText().contains("项目支出绩效自评汇总表"), summary.compactText());
        }
    }

    @Test
    void aSetWithoutTheNationalFormNamesTheFolderWhereItBelongs() throws Exception {
        Path empty = Files.createDirectories(directory.resolve("own"));
        Files.copy(TestEngine.TEMPLATES.resolve("summary.jrxml"), empty.resolve("summary.jrxml"));

        Jixiao.Run run = Jixiao.run("render", Examples.FILE.toString(), "--templates", empty.toString(),
                "-o", directory.resolve("out").toString());

        assertEquals(3, run.exitCode());
        assertEquals(List.of("jixiao: template " + empty.resolve("national").resolve("form.jrtx")
                + " does not exist"), run.errLines());
    }
}
