package cn.jixiao.cli;

import cn.jixiao.render.RenderException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns what stops a run into one line on standard error and exit code {@value Main#CANNOT_RUN}: a user sees what to
 * fix, not a stack trace. {@code --debug} adds the stack trace.
 */
final class Failures implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        commandLine.getErr().println("jixiao: " + describe(e));
        if (parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--debug")) {
            e.printStackTrace(commandLine.getErr());
        }
        return Main.CANNOT_RUN;
    }

    static String describe(Exception e) {
        if (e instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        if (e instanceof FileAlreadyExistsException taken) {
            // from creating the output directory: a file has its name
            return taken.getFile() + ": exists and is not a directory";
        }
        if (e instanceof NoSuchFileException missing) {
            return missing.getFile() + ": no such file or directory";
        }
        if (e instanceof FileSystemException failed) {
            return failed.getFile() + ": " + (failed.getReason() != null ? failed.getReason()
                    : failed.getClass().getSimpleName());
        }
        if (e instanceof IOException || e instanceof RenderException) {
            return e.getMessage();
        }
        return e.toString();
    }
}
