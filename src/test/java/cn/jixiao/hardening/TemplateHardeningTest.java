package cn.jixiao.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.testing.Examples;
import cn.jixiao.testing.Jixiao;
import cn.jixiao.testing.TestEngine;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Templates are read without DTDs or external entities: a template that declares one is refused before JasperReports
 * sees it, with one line naming the file; no secret file reaches a form or a message, no URL is fetched. A DOCX
 * template that is too large or unpacks to too much is refused the same way. Every case exits with 3 (cannot run).
 */
class TemplateHardeningTest {

    private static final String SECRET = "TOP-SECRET-7f3a";

    @TempDir
    Path directory;

    private Path secret;
    private Path output;
    /** Stands in for any server a template could make the renderer call; counts the requests it gets. */
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void setUp() throws IOException {
        secret = Files.writeString(directory.resolve("secret.txt"), SECRET);
        output = directory.resolve("out");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] dtd = ("<!ENTITY % file SYSTEM \"" + secret.toUri() + "\">").getBytes();
            exchange.sendResponseHeaders(200, dtd.length);
            exchange.getResponseBody().write(dtd);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    /** The DOCTYPEs of the classic attacks: a file as an entity, a file through a parameter entity, a remote DTD. */
    private String doctype(String root, String kind) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
        return switch (kind) {
            case "file entity" -> "<!DOCTYPE " + root + " [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>";
            case "parameter entity" -> "<!DOCTYPE " + root + " [<!ENTITY % p SYSTEM \"" + secret.toUri() + "\"> %p;"
                    + " <!ENTITY xxe \"x\">]>";
            case "remote DTD" -> "<!DOCTYPE " + root + " SYSTEM \"" + url + "\">";
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"file entity", "parameter entity", "remote DTD"})
    void aReportTemplateWithADoctypeIsRefused(String kind) {
        Path templates = TestEngine.copyTemplates(directory.resolve("templates"));
        Path form = templates.resolve("national").resolve("form.jrxml");
        Workspace.replaceOnce(form, "<jasperReport ", doctype("jasperReport", kind) + "\n<jasperReport ");
        Workspace.replaceOnce(form, "<expression><![CDATA[\"项目名称\"]]></expression>",
                "<expression>\"项目名称&xxe;\"</expression>");

        Jixiao.Run run = Jixiao.run("render", Examples.FILE.toString(), "--templates", templates.toString(),
                "-o", output.toString());

        assertRefused(run, "jixiao: template " + form + " declares a DOCTYPE at line " + lineOf(form, "<!DOCTYPE")
                + ", column 1; templates may not"
                + " declare DTDs or entities (they could read files or reach the network while the template loads):"
                + " remove it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file entity", "parameter entity", "remote DTD"})
    void aStyleTemplateWithADoctypeIsRefused(String kind) {
        Path templates = TestEngine.copyTemplates(directory.resolve("templates"));
        Path styles = templates.resolve("national").resolve("form.jrtx");
        Workspace.replaceOnce(styles, "<jasperTemplate>", doctype("jasperTemplate", kind) + "\n<jasperTemplate>");
        Workspace.replaceOnce(styles, "<style name=\"Footer\"", "<style name=\"&xxe;\"");

        Jixiao.Run run = Jixiao.run("render", Examples.FILE.toString(), "--templates", templates.toString(),
                "-o", output.toString());

        assertRefused(run, "jixiao: template " + styles + " declares a DOCTYPE at line " + lineOf(styles, "<!DOCTYPE")
                + ", column 1; templates may not"
                + " declare DTDs or entities (they could read files or reach the network while the template loads):"
                + " remove it");
    }

    @Test
    void anEntityWithoutADeclarationIsMalformedXmlAtItsLineAndColumn() {
        Path templates = TestEngine.copyTemplates(directory.resolve("templates"));
        Path form = templates.resolve("national").resolve("form.jrxml");
        Workspace.replaceOnce(form, "<expression><![CDATA[\"项目名称\"]]></expression>",
                "<expression>\"&xxe;\"</expression>");

        Jixiao.Run run = Jixiao.run("render", Examples.FILE.toString(), "--templates", templates.toString(),
                "-o", output.toString());

        assertRefused(run, "jixiao: template " + form + " is not well-formed XML at line " + lineOf(form, "&xxe;")
                + ", column 23: Undeclared general entity \"xxe\"");
    }

    @Test
    void anElementJasperReportsDoesNotKnowIsNamedWithItsLine() {
        Path templates = TestEngine.copyTemplates(directory.resolve("templates"));
        Path form = templates.resolve("national").resolve("form.jrxml");
        Workspace.replaceOnce(form, "<parameter name=\"period\"", "<parametre name=\"period\"");

        Jixiao.Run run = Jixiao.run("render", Examples.FILE.toString(), "--templates", templates.toString(),
                "-o", output.toString());

        assertRefused(run, "jixiao: template " + form + " cannot be compiled: Unrecognized field \"parametre\" at"
                + " line " + lineOf(form, "<parametre") + ", column 53");
    }

    @Test
    void anOversizedWordTemplateIsRefused() throws IOException {
        Path templates = TestEngine.copyTemplates(directory.resolve("templates"));
        Files.write(templates.resolve("national").resolve("form.docx"), new byte[10 * 1024 * 1024 + 1]);

        Jixiao.Run run = Jixiao.run("render", Examples.FILE.toString(), "--format", "docx", "--templates",
                templates.toString(), "-o", output.toString());

        assertRefused(run, "jixiao: template form.docx is 10485761 bytes; a form template may be at most 10485760"
                + " bytes");
    }

    @Test
    void aZipBombWordTemplateIsRefused() throws IOException {
        Path templates = TestEngine.copyTemplates(directory.resolve("templates"));
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(templates.resolve("national").resolve("form.docx")))) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int megabyte = 0; megabyte < 100; megabyte++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertTrue(Files.size(templates.resolve("national").resolve("form.docx")) < 200_000, "100 MB of zeros pack into little");

        Jixiao.Run run = Jixiao.run("render", Examples.FILE.toString(), "--format", "pdf,docx", "--templates",
                templates.toString(), "-o", output.toString());

        assertRefused(run, "jixiao: template form.docx unpacks to more than 67108864 bytes; refused as a possible zip"
                + " bomb");
    }

    @Test
    void debugAddsTheStackTraceAfterTheLine() {
        Path templates = TestEngine.copyTemplates(directory.resolve("templates"));
        Workspace.replaceOnce(templates.resolve("national").resolve("form.jrxml"), "<jasperReport ",
                doctype("jasperReport", "remote DTD") + "\n<jasperReport ");

        Jixiao.Run run = Jixiao.run("render", Examples.FILE.toString(), "--templates", templates.toString(),
                "-o", output.toString(), "--debug");

        assertEquals(3, run.exitCode());
        assertTrue(run.errLines().get(0).startsWith("jixiao: template "), run.err());
        assertTrue(run.errLines().get(1).startsWith("cn.jixiao.render.RenderException: template "), run.err());
        assertTrue(run.showsStackTrace());
        assertEquals(0, requests.get());
    }

    /** The 1-based number of the line where the text first occurs. */
    private static int lineOf(Path file, String text) {
        try {
            String content = Files.readString(file);
            return (int) content.substring(0, content.indexOf(text)).chars().filter(c -> c == '\n').count() + 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exit 3 with exactly the one line, no secret anywhere, no request made, no document written. */
    private void assertRefused(Jixiao.Run run, String line) {
        assertEquals(List.of(line), run.errLines());
        assertEquals(3, run.exitCode());
        assertEquals("", run.out());
        assertFalse(run.showsStackTrace());
        assertFalse(run.err().contains(SECRET));
        assertEquals(0, requests.get(), "requests to the server named in the template");
        assertEquals(List.of(), Workspace.fileNames(output));
    }
}
