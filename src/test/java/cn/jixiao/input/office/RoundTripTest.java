package cn.jixiao.input.office;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.jixiao.fonts.FontSettings;
import cn.jixiao.input.EvaluationReader;
import cn.jixiao.input.ProjectInput;
import cn.jixiao.layout.FormLayout;
import cn.jixiao.model.Evaluation;
import cn.jixiao.model.FundTotal;
import cn.jixiao.model.Funds;
import cn.jixiao.model.NumberOrText;
import cn.jixiao.render.docx.DocxRenderer;
import cn.jixiao.render.xlsx.FormWorkbook;
import cn.jixiao.testing.Examples;
import cn.jixiao.testing.TestEngine;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples written as Word and Excel files, by our renderer, by {@code template --xlsx --from} and after
 * LibreOffice has saved them again, import back to the examples: every text, amount and score the same, with the
 * decimals written.
 *
 * <p>The one normalization the import makes on these files: 执行率 written as text {@code 87.00%} becomes the number
 * 87.00 (of percent), with its decimals; it prints the same.
 */
class RoundTripTest {

    @TempDir
    static Path directory;

    static EvaluationReader reader;
    static OfficeImport office;

    @BeforeAll
    static void setUp() {
        reader = new EvaluationReader();
        office = new OfficeImport(reader);
    }

    /** The examples as the import gives them back: 执行率 text such as {@code 87.00%} as the number 87.00. */
    static List<Evaluation> expected() {
        List<Evaluation> expected = new ArrayList<>();
        for (Evaluation e : Examples.evaluations()) {
            FundTotal total = e.funds().total();
            NumberOrText rate = total.executionRate();
            if (rate != null && !rate.isNumber() && rate.text().endsWith("%")) {
                rate = NumberOrText.of(new BigDecimal(rate.text().substring(0, rate.text().length() - 1)));
            }
            Funds funds = new Funds(new FundTotal(total.initialBudget(), total.annualBudget(), total.executed(),
                    total.weight(), rate, total.score()), e.funds().fiscal(), e.funds().carryover(), e.funds().other());
            expected.add(new Evaluation(e.year(), e.projectName(), e.department(), e.implementingUnit(),
                    e.reportDate(), funds, e.goals(), e.indicators(), e.totalScore()));
        }
        return expected;
    }

    static List<Evaluation> imported(Path file) {
        List<Evaluation> forms = new ArrayList<>();
        for (ProjectInput project : office.read(file).projects()) {
            List<String> problems = project.diagnostics().stream()
                    .filter(d -> d.isError() || !d.message().contains("全年执行数 ÷ 全年预算数")) // the seed's own quirk
                    .map(Object::toString).toList();
            assertEquals(List.of(), problems, "imports without errors or warnings");
            forms.add(project.evaluation());
        }
        return forms;
    }

    static List<Path> ourDocx() throws Exception {
        DocxRenderer renderer = DocxRenderer.create(TestEngine.NATIONAL_TEMPLATES.resolve("form.docx"),
                FontSettings.shipped(Path.of("fonts")));
        List<Path> files = new ArrayList<>();
        List<Evaluation> examples = Examples.evaluations();
        for (int i = 0; i < examples.size(); i++) {
            Path file = directory.resolve("form-" + (i + 1) + ".docx");
            Files.write(file, renderer.render(FormLayout.of(examples.get(i))));
            files.add(file);
        }
        return files;
    }

    static Path ourWorkbook() throws Exception {
        Path file = directory.resolve("forms.xlsx");
        Files.write(file, FormWorkbook.filled(Examples.evaluations()));
        return file;
    }

    @Test
    void ourWordFormsImportBackToTheExamples() throws Exception {
        List<Evaluation> imported = new ArrayList<>();
        for (Path docx : ourDocx()) {
            imported.addAll(imported(docx));
        }
        assertEquals(expected(), imported);
    }

    @Test
    void ourExcelWorkbookImportsBackToTheExamples() throws Exception {
        assertEquals(expected(), imported(ourWorkbook()));
    }

    @Test
    void wordFormsSavedAgainByLibreOfficeImportToTheSameData() throws Exception {
        Path docx = ourDocx().get(0);
        Path resaved = libreOffice(docx, "docx", "resaved-docx");
        assertEquals(expected().subList(0, 1), imported(resaved));
    }

    @Test
    void workbookSavedByLibreOfficeAsXlsAndXlsxImportsToTheSameData() throws Exception {
        Path workbook = ourWorkbook();
        assertEquals(expected(), imported(libreOffice(workbook, "xls", "resaved-xls")), "as .xls");
        assertEquals(expected(), imported(libreOffice(workbook, "xlsx", "resaved-xlsx")), "as .xlsx");
    }

    /** The file converted by {@code soffice --headless --convert-to}; skips the test without LibreOffice. */
    static Path libreOffice(Path file, String format, String into) throws Exception {
        Path soffice = null;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "soffice"))) {
                soffice = Path.of(dir, "soffice");
            }
        }
        assumeTrue(soffice != null, "soffice is not on the PATH");
        Path out = Files.createDirectories(directory.resolve(into));
        Process process = new ProcessBuilder(soffice.toString(),
                "-env:UserInstallation=" + directory.resolve("profile").toUri(),
                "--headless", "--convert-to", format, "--outdir", out.toString(), file.toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve(into + ".log").toFile())
                .start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "LibreOffice took over 3 minutes");
        String name = file.getFileName().toString();
        Path converted = out.resolve(name.substring(0, name.lastIndexOf('.') + 1) + format);
        assertTrue(Files.exists(converted), "LibreOffice wrote nothing: "
                + Files.readString(directory.resolve(into + ".log")));
        return converted;
    }
}
