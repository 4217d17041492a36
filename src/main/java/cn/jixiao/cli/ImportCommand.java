package cn.jixiao.cli;

import cn.jixiao.input.EvaluationReader;
import cn.jixiao.input.ProjectInput;
import cn.jixiao.input.office.OfficeImport;
import cn.jixiao.validation.EvaluationRules;
import cn.jixiao.io.AtomicFiles;
import cn.jixiao.diagnostics.Diagnostic;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Reads 项目支出绩效自评表 from Word (.docx) and Excel (.xlsx, .xls) files and writes them as JSON: "
                        + "DIR/<file name>.json, an array of the forms found, in document order.",
                "Forms are found by their labels, wherever they are. Every cell that is not imported is named in a "
                        + "warning; a cell that cannot be read is an error naming its sheet and cell (or table, row "
                        + "and column) and the field. A form with errors is left out of the JSON; the others are "
                        + "written. Amounts in 元 are converted to 万元, with a warning."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every form imported (warnings allowed)", "1:some file or form has errors",
                "2:usage error", "3:the output directory cannot be written"})
final class ImportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Word or Excel files.")
    List<Path> files;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
            description = "Directory for the JSON files; created if missing. Files of the same name are replaced.")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Files.createDirectories(output);
        AtomicFiles.checkWritable(output);
        OfficeImport office = new OfficeImport(new EvaluationReader());
        Set<String> written = new HashSet<>();
        boolean errors = false;
        for (Path file : files) {
            if (!OfficeImport.handles(file)) {
                err.println("error: " + file + ": not a Word or Excel file (.docx, .xlsx, .xlsm, .xls)");
                errors = true;
                continue;
            }
            OfficeImport.Imported imported = office.read(file);
            int failed = 0;
            for (ProjectInput project : imported.projects().stream().map(EvaluationRules::check).toList()) {
                failed += project.hasErrors() ? 1 : 0;
                for (Diagnostic diagnostic : project.diagnostics()) {
                    err.println((diagnostic.isError() ? "error: " : "warning: ") + diagnostic);
                }
            }
            errors |= failed > 0;
            List<JsonNode> forms = imported.json().stream().filter(Objects::nonNull).toList();
            if (forms.isEmpty()) {
                out.println(file + ": nothing imported");
                continue;
            }
            Path target = output.resolve(jsonName(file, written));
            AtomicFiles.write(target, OfficeImport.toJson(forms));
            out.println(file + ": " + Words.count(forms.size(), "form") + " → " + target
                    + (failed > 0 ? " (" + failed + " with errors left out)" : ""));
        }
        return errors ? Main.INPUT_ERRORS : 0;
    }

    /** {@code 自评表.json} for {@code 自评表.xlsx}; {@code 自评表.xlsx.json} when another input took that name. */
    private static String jsonName(Path file, Set<String> written) {
        String name = file.getFileName().toString();
        String base = name.substring(0, name.lastIndexOf('.')) + ".json";
        String chosen = written.add(base.toLowerCase(Locale.ROOT)) ? base : name + ".json";
        written.add(chosen.toLowerCase(Locale.ROOT));
        return chosen;
    }
}
