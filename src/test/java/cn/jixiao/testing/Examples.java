package cn.jixiao.testing;

import cn.jixiao.input.EvaluationReader;
import cn.jixiao.input.ProjectInput;
import cn.jixiao.model.Evaluation;
import cn.jixiao.validation.EvaluationRules;
import java.nio.file.Path;
import java.util.List;

/** The five seed forms of {@code examples/}, read and checked as the command line reads them. */
public final class Examples {

    /** 金凤区智慧城市运营中心, 2023: five projects in one array. */
    public static final Path FILE = Path.of("examples", "jinfeng-2023.json");

    private static List<ProjectInput> projects;

    private Examples() {
    }

    public static synchronized List<ProjectInput> projects() {
        if (projects == null) {
            projects = new EvaluationReader().read(FILE).stream().map(EvaluationRules::check).toList();
        }
        return projects;
    }

    /** The five evaluations, in file order; fails the test if any has an error. */
    public static List<Evaluation> evaluations() {
        List<ProjectInput> all = projects();
        for (ProjectInput project : all) {
            if (project.hasErrors()) {
                throw new AssertionError("the examples must read without errors: " + project.diagnostics());
            }
        }
        return all.stream().map(ProjectInput::evaluation).toList();
    }

    /** The evaluation of the project with the given 项目名称. */
    public static Evaluation named(String projectName) {
        return evaluations().stream().filter(e -> e.projectName().equals(projectName)).findFirst()
                .orElseThrow(() -> new AssertionError("no example project named " + projectName));
    }
}
