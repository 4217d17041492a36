package cn.jixiao.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputNamesTest {

    private final OutputNames names = new OutputNames();

    @Test
    void aFormIsNamedAfterItsYearAndProject() {
        assertEquals("2023-政府批准聘用人员支出", names.next(2023, "政府批准聘用人员支出"));
    }

    @Test
    void withoutAYearTheProjectNameAlone() {
        assertEquals("办公经费", names.next(null, "办公经费"));
    }

    @Test
    void pathSeparatorsAndTraversalNeverLeaveTheDirectory() {
        String name = names.next(null, "../../etc/passwd");
        assertFalse(name.contains("/") || name.contains("\\") || name.startsWith("."), name);
    }

    @Test
    void charactersWindowsRejectsAreReplaced() {
        assertEquals("a_b_c_d_e_f_g_h_i", names.next(null, "a/b:c*d?e\"f<g>h|i"));
    }

    @Test
    void windowsDeviceNamesAreNotUsedAsIs() {
        assertEquals("_CON", names.next(null, "CON"));
        assertEquals("_nul.txt", names.next(null, "nul.txt"));
        assertEquals("_LPT1", names.next(null, "LPT1"));
        assertEquals("2023-CON", names.next(2023, "CON"));
    }

    @Test
    void trailingDotsAndSpacesAreDropped() {
        assertEquals("项目", names.next(null, "  项目. . "));
    }

    @Test
    void aNameOfOnlySpacesOrNothingGetsAPlaceholder() {
        assertEquals(OutputNames.UNNAMED, names.next(null, "   "));
        assertEquals(OutputNames.UNNAMED + "-2", names.next(null, null));
        assertEquals("2023-" + OutputNames.UNNAMED, names.next(2023, "   "));
        assertEquals("2023-" + OutputNames.UNNAMED + "-2", names.next(2023, ". ."));
    }

    @Test
    void aNameNeverStartsWithAHyphenThatAShellWouldTakeForAnOption() {
        assertEquals("_rf", names.next(null, "-rf"));
        assertEquals("2023--rf", names.next(2023, "-rf"));
    }

    @Test
    void controlCharactersAreReplaced() {
        assertEquals("a_b_c", names.next(null, "a\nb\u0000c"));
    }

    @Test
    void longNamesAreCutToFitEveryFileSystemWithoutSplittingACharacter() {
        String name = names.next(2023, "很长的项目名称".repeat(50) + "𠀀");
        assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= OutputNames.MAX_BYTES);
        assertTrue(name.startsWith("2023-很长的项目名称"));
        assertFalse(Character.isHighSurrogate(name.charAt(name.length() - 1)));
    }

    @Test
    void twoProjectsOfTheSameNameGetDistinctNames() {
        assertEquals("2023-办公经费", names.next(2023, "办公经费"));
        assertEquals("2023-办公经费-2", names.next(2023, "办公经费"));
        assertEquals("2023-办公经费-3", names.next(2023, "办公经费"));
    }

    @Test
    void namesDifferingOnlyInCaseAreDistinctOnCaseInsensitiveFileSystems() {
        String first = names.next(null, "Office");
        String second = names.next(null, "OFFICE");
        assertNotEquals(first.toLowerCase(), second.toLowerCase());
    }

    @Test
    void hostileNamesAllBecomeDistinctFilesInsideTheDirectory(@TempDir Path directory) throws Exception {
        List<String> hostile = List.of("../../etc/passwd", "CON", "a/b:c", "x".repeat(300), "   ", "同名", "同名",
                "..", ".", "nul", "con.pdf", "a\\b", "\u202Eevil");
        Set<Path> files = new HashSet<>();
        for (String project : hostile) {
            Path file = directory.resolve(names.next(2023, project) + ".pdf");
            assertEquals(directory, file.getParent(), project);
            Files.writeString(file, project);
            files.add(file);
        }
        assertEquals(hostile.size(), files.size());
        try (var listed = Files.list(directory)) {
            assertEquals(hostile.size(), listed.count());
        }
    }
}
