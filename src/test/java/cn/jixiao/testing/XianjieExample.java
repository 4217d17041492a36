package cn.jixiao.testing;

import cn.jixiao.input.EvaluationReader;
import cn.jixiao.input.ProjectInput;
import cn.jixiao.model.Evaluation;
import java.nio.file.Path;
import java.util.List;

/** {@code examples/xianjie-2023.json}, the 衔接资金 form's example, read as the command line reads it. */
public final class XianjieExample {

    public static final Path FILE = Path.of("examples", "xianjie-2023.json");

    private XianjieExample() {
    }

    /** The example's one project; fails the test if it has a diagnostic (the example adds up and fits its form). */
    public static Evaluation evaluation() {
        List<ProjectInput> projects = new EvaluationReader().read(FILE);
        if (projects.size() != 1 || !projects.get(0).diagnostics().isEmpty()) {
            throw new AssertionError("the 衔接资金 example must read as one project without a diagnostic: "
                    + projects.stream().map(ProjectInput::diagnostics).toList());
        }
        return projects.get(0).evaluation();
    }
}
