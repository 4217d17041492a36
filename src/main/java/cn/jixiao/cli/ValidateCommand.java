package cn.jixiao.cli;

import cn.jixiao.batch.InputFiles;
import cn.jixiao.diagnostics.Diagnostic;
import cn.jixiao.input.EvaluationReader;
import cn.jixiao.input.ProjectInput;
import cn.jixiao.input.office.OfficeImport;
import cn.jixiao.validation.EvaluationRules;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks evaluation files against the contract and the scoring rules, without rendering.",
                "Errors stop a project from being rendered; warnings (weights not adding up to 100, scores above "
                        + "their weight, an execution rate far from 全年执行数 ÷ 全年预算数, …) do not."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no errors (warnings allowed)", "1:errors", "2:usage error"})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "INPUT", arity = "1..*",
            description = "JSON files (one evaluation object or an array each), Word or Excel forms, or directories "
                    + "of them.")
    List<Path> inputs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        InputFiles files = Inputs.expand(inputs, out);
        EvaluationReader reader = new EvaluationReader();
        int projects = 0;
        int withErrors = 0;
        int warnings = 0;
        for (Path file : files.files()) {
            for (ProjectInput project : OfficeImport.read(reader, file).stream().map(EvaluationRules::check).toList()) {
                projects++;
                withErrors += project.hasErrors() ? 1 : 0;
                for (Diagnostic diagnostic : project.diagnostics()) {
                    out.println((diagnostic.isError() ? "error: " : "warning: ") + diagnostic);
                    warnings += diagnostic.isError() ? 0 : 1;
                }
            }
        }
        out.printf("%s checked: %d with errors, %s.%n", Words.count(projects, "project"), withErrors,
                Words.count(warnings, "warning"));
        return withErrors > 0 || !files.emptyDirectories().isEmpty() ? Main.INPUT_ERRORS : 0;
    }
}
