package cn.jixiao.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jixiao.diagnostics.Diagnostic.Severity;
import org.junit.jupiter.api.Test;

/** A diagnostic prints as one safe line, whatever the file and project are called. */
class DiagnosticTest {

    @Test
    void namesFileProjectAndPath() {
        Diagnostic diagnostic = new Diagnostic(Severity.ERROR, "jinfeng.json", 4, "办公经费", "$.indicators[2].weight",
                "expected a number or text, got an object");
        assertEquals("jinfeng.json: project 4 \"办公经费\": $.indicators[2].weight: expected a number or text, got an object",
                diagnostic.toString());
    }

    @Test
    void aFindingAboutTheWholeFileNamesNoProject() {
        Diagnostic diagnostic = new Diagnostic(Severity.ERROR, "jinfeng.json", 0, null, null, "no such file");
        assertEquals("jinfeng.json: no such file", diagnostic.toString());
    }

    @Test
    void aLongProjectNameIsCutAfter40Characters() {
        String name = "智慧金凤社会治理综合平台".repeat(25);
        Diagnostic diagnostic = new Diagnostic(Severity.WARNING, "a.json", 1, name, "$", "m");
        assertEquals("a.json: project 1 \"" + name.substring(0, 40) + "…\": $: m", diagnostic.toString());
    }

    @Test
    void controlAndFormattingCharactersInNamesAreReplaced() {
        // A line break, a terminal escape sequence and a right-to-left override would each disguise the line.
        Diagnostic diagnostic = new Diagnostic(Severity.ERROR, "a\nb.json", 2, "办公\u001b[31m经费\u202e", "$", "m");
        assertEquals("a?b.json: project 2 \"办公?[31m经费?\": $: m", diagnostic.toString());
    }

    @Test
    void unicodeLineAndParagraphSeparatorsAreReplaced() {
        // Editors and log viewers break lines at U+2028 and U+2029.
        assertEquals("第一行?第二行?", Diagnostic.printable("第一行\u2028第二行\u2029", 40));
    }

    @Test
    void charactersOutsideTheBasicPlaneCountAsOne() {
        String name = "𠀀".repeat(41); // CJK Extension B, two UTF-16 units each
        assertEquals("𠀀".repeat(40) + "…", Diagnostic.printable(name, 40));
    }
}
