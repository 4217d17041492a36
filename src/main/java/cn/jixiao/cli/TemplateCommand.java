package cn.jixiao.cli;

import cn.jixiao.input.EvaluationReader;
import cn.jixiao.input.ProjectInput;
import cn.jixiao.input.office.OfficeImport;
import cn.jixiao.io.AtomicFiles;
import cn.jixiao.io.ReproducibleZip;
import cn.jixiao.model.Evaluation;
import cn.jixiao.render.xlsx.FormWorkbook;
import cn.jixiao.diagnostics.Diagnostic;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "template", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Writes an Excel workbook to fill in: the 项目支出绩效自评表 laid out as printed, one sheet per "
                        + "project, checks on the amount, 分值 and 得分 cells, and a 说明 sheet on how to fill it in.",
                "Filled in (Excel, WPS, LibreOffice), it goes back with `jixiao import` or straight into "
                        + "`jixiao render`."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "1:the --from input has errors", "2:usage error",
                "3:the file cannot be written"})
final class TemplateCommand implements Callable<Integer> {

    @Option(names = "--xlsx", paramLabel = "FILE", required = true, description = "The workbook to write.")
    Path xlsx;

    @Option(names = "--from", paramLabel = "INPUT",
            description = "Fill it from these evaluations (JSON, Word or Excel), one sheet per project.")
    List<Path> from;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        byte[] workbook;
        if (from == null || from.isEmpty()) {
            workbook = FormWorkbook.blank();
        } else {
            EvaluationReader reader = new EvaluationReader();
            List<Evaluation> evaluations = new ArrayList<>();
            boolean errors = false;
            for (Path input : from) {
                for (ProjectInput project : OfficeImport.read(reader, input)) {
                    for (Diagnostic diagnostic : project.diagnostics()) {
                        err.println((diagnostic.isError() ? "error: " : "warning: ") + diagnostic);
                    }
                    errors |= project.hasErrors();
                    if (project.evaluation() != null) {
                        evaluations.add(project.evaluation());
                    }
                }
            }
            if (errors || evaluations.isEmpty()) {
                err.println("error: " + xlsx + ": not written, the input has errors");
                return Main.INPUT_ERRORS;
            }
            workbook = FormWorkbook.filled(evaluations);
        }
        byte[] content = workbook;
        AtomicFiles.write(xlsx, out -> ReproducibleZip.rewrite(content, out));
        spec.commandLine().getOut().println(xlsx);
        return 0;
    }
}
