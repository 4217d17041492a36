package cn.jixiao.testing;

import cn.jixiao.input.EvaluationReader;
import cn.jixiao.input.ProjectInput;
import cn.jixiao.model.Evaluation;
import java.nio.file.Path;
import java.util.List;

/** The examples of the regional forms, read as the command line reads them. */
public final class RegionalExamples {

    /** The 衔接资金 form's example. */
    public static final Path XIANJIE = Path.of("examples", "xianjie-2023.json");
    /** The Sichuan form's example. */
    public static final Path SICHUAN = Path.of("examples", "sichuan-2023.json");

    private RegionalExamples() {
    }

    public static Evaluation xianjie() {
        return read(XIANJIE);
    }

    public static Evaluation sichuan() {
        return read(SICHUAN);
    }

    /** The file's one project; fails the test if it has a diagnostic (the examples add up and fit their forms). */
    private static Evaluation read(Path file) {
        List<ProjectInput> projects = new EvaluationReader().read(file);
        if (projects.size() != 1 || !projects.get(0).diagnostics().isEmpty()) {
            throw new AssertionError(file + " must read as one project without a diagnostic: "
                    + projects.stream().map(ProjectInput::diagnostics).toList());
        }
        return projects.get(0).evaluation();
    }
}
