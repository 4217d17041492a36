package cn.jixiao.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.logging.LogFactory;
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
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every project is fine (warnings allowed)",
                "1:some input has errors; the other projects were rendered",
                "2:usage error (unknown option, missing argument)",
                "3:could not run: templates, fonts or the output directory are unusable"})
public final class Main implements Runnable {

    static final int INPUT_ERRORS = 1;
    static final int CANNOT_RUN = 3;

    /** The commands by the name their {@code @Command} gives them, in the order the usage lists them. */
    static final Map<String, Supplier<Object>> COMMANDS = commands();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        sendCommonsLoggingToSlf4j();
        System.exit(commandLine(args).execute(args));
    }

    /**
     * JasperReports logs through commons-logging, and the program sends all logging to SLF4J's no-op binding
     * (pom.xml). Named here, commons-logging goes to SLF4J at once; left to find its way, it first starts the Log4j
     * API (on the class path for POI) only to learn that Log4j forwards to SLF4J: a tenth of a second of every cold
     * start. Set by the program, not by a {@code commons-logging.properties} in the jar, which would choose for every
     * application that embeds the engine; a choice made on the command line ({@code -D}) stands.
     */
    private static void sendCommonsLoggingToSlf4j() {
        if (System.getProperty(LogFactory.FACTORY_PROPERTY) == null) { // a constant: LogFactory is not loaded here
            System.setProperty(LogFactory.FACTORY_PROPERTY, "org.apache.commons.logging.impl.Slf4jLogFactory");
        }
    }

    /**
     * The command line for these arguments, with our exit codes and error handling, for {@link #main} and for tests.
     * When the arguments start with a command's name, it has that command only: picocli reads the annotations of every
     * command it is given, and a one-form {@code render} need not wait for those of the other eight. What the command
     * prints and returns is the same either way; {@code jixiao --help}, {@code jixiao help} and a misspelt command
     * see them all.
     */
    public static CommandLine commandLine(String... args) {
        String first = args.length > 0 ? args[0] : null;
        CommandLine commandLine = new CommandLine(new Main());
        COMMANDS.forEach((name, command) -> {
            if (!COMMANDS.containsKey(first) || name.equals(first)) {
                commandLine.addSubcommand(name, command.get());
            }
        });
        commandLine.addSubcommand("help", new CommandLine.HelpCommand()); // `help COMMAND` finds them all
        commandLine.setExecutionExceptionHandler(new Failures()); // after the commands: it is set on each
        return commandLine;
    }

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("render", RenderCommand::new);
        commands.put("batch", BatchCommand::new);
        commands.put("validate", ValidateCommand::new);
        commands.put("import", ImportCommand::new);
        commands.put("template", TemplateCommand::new);
        commands.put("serve", ServeCommand::new);
        commands.put("bench", BenchCommand::new);
        commands.put("bench-server", BenchServerCommand::new);
        return Collections.unmodifiableMap(commands);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: render, batch, validate or serve");
    }
}
