package cn.jixiao.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Renders one document per project and format into the output directory, named after year and "
                        + "project, e.g. 2023-政府批准聘用人员支出.pdf.",
                "Projects with errors are reported and skipped; the others render. Warnings are printed and the "
                        + "project is rendered."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:all rendered (warnings allowed)", "1:some projects have errors and were not rendered",
                "2:usage error", "3:could not run (templates, fonts, output directory)"})
final class RenderCommand extends Rendering implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        return run(false, false, false);
    }
}
