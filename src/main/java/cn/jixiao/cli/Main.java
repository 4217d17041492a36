package cn.jixiao.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code jixiao}: JSON evaluation data in, the official 项目支出绩效自评表 out, as PDF and Word. The commands are the
 * manual; this class only wires them to picocli and maps failures to exit codes.
 */
@Command(name = "jixiao",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
                "Renders 项目支出绩效自评表 (project expenditure performance self-evaluation forms) from JSON "
                        + "evaluation data: PDF for printing and filing, Word for editing before signing.",
                "",
                "Input: a JSON file holding one evaluation object or an array of them (the contract is "
                        + "src/main/resources/cn/jixiao/input/evaluation.schema.json; see README.md), or a Word "
                        + "or Excel form (.docx, .xlsx, .xlsm, .xls)."},
        subcommands = {RenderCommand.class, BatchCommand.class, ValidateCommand.class, ImportCommand.class,
                TemplateCommand.class, ServeCommand.class, BenchCommand.class, BenchServerCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every project is fine (warnings allowed)",
                "1:some input has errors; the other projects were rendered",
                "2:usage error (unknown option, missing argument)",
                "3:could not run: templates, fonts or the output directory are unusable"})
public final class Main implements Runnable {

    static final int INPUT_ERRORS = 1;
    static final int CANNOT_RUN = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with our exit codes and error handling, for {@link #main} and for tests. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler(new Failures());
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: render, batch, validate or serve");
    }
}
