package cn.jixiao.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Renders a unit's whole year: a document per project and format, one PDF of all, a summary and a report.",
                "Besides the documents per project, the output directory gets",
                "  全部自评表.pdf           every form in input order, a bookmark per project",
                "  项目支出绩效自评汇总表.pdf and .xlsx  project, 主管部门, 全年预算数, 全年执行数, 执行率, 总分 and "
                        + "等级 (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差), with totals",
                "  report.json              every project's input position, outputs, warnings and errors",
                "Every file is written under a temporary name and renamed when complete; leftovers of an "
                        + "interrupted run are removed by the next one."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:all rendered (warnings allowed)", "1:some projects have errors and were not rendered",
                "2:usage error", "3:could not run (templates, fonts, output directory)"})
final class BatchCommand extends Rendering implements Callable<Integer> {

    @Option(names = "--fail-fast", description = "Stop at the first project with errors.")
    boolean failFast;

    @Option(names = {"-q", "--quiet"}, description = "No progress; warnings and errors only.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        return run(true, failFast, !quiet);
    }
}
