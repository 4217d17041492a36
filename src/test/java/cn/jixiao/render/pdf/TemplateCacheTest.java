package cn.jixiao.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.fonts.FontLibrary;
import cn.jixiao.fonts.FontSettings;
import cn.jixiao.io.PrivateCache;
import cn.jixiao.testing.TestEngine;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JRStyle;
import net.sf.jasperreports.engine.JasperReportsContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compiled template comes back from the cache by Java deserialization, which runs code: only what this user's
 * jixiao wrote is loaded; anything else is reported once, compiled again and written over.
 */
class TemplateCacheTest {

    private static final Path TEMPLATES = TestEngine.TEMPLATES;
    private static final Path NATIONAL = TestEngine.NATIONAL_TEMPLATES;
    private static final Path FONTS = Path.of("fonts");

    private static JasperReportsContext context;

    @TempDir
    Path directory;

    private final List<String> warnings = new ArrayList<>();

    @BeforeAll
    static void setUp() throws Exception {
        context = JasperSetup.context(TEMPLATES, FontLibrary.scan(FONTS), FontSettings.shipped(FONTS), List.of());
    }

    /**
     * What an attacker plants: reading it back runs {@link #readObject}, which could run anything. (JasperReports 7
     * refuses to deserialize classes outside its allow-list, so before the cache was authenticated such a file stopped
     * every run; a compiled report of the attacker's, whose expressions are bytecode, was loaded and run: see
     * {@link #anotherTemplatesCompiledFormSwappedInIsCompiledAgain}.)
     */
    static final class Planted implements Serializable {
        static volatile boolean deserialized;

        private void readObject(ObjectInputStream in) {
            deserialized = true;
        }
    }

    @Test
    void aPlantedObjectIsNeverDeserializedAndTheTemplateIsCompiledAgain() throws Exception {
        FormTemplates.load(context, NATIONAL, cache());
        Path form = cached("form.jrxml-");
        ByteArrayOutputStream planted = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(planted)) {
            out.writeObject(new Planted());
        }
        Files.write(form, planted.toByteArray());

        FormTemplates templates = FormTemplates.load(context, NATIONAL, cache());

        assertFalse(Planted.deserialized, "the planted object was deserialized");
        assertEquals("form", templates.main.getName());
        assertEquals(List.of("the cache of compiled templates: " + form + " is ignored and made again: it does not"
                + " verify (damaged, tampered with, or written by an older jixiao)"), warnings);
        warnings.clear();
        FormTemplates.load(context, NATIONAL, cache());
        assertEquals(List.of(), warnings, "the planted file was written over with the compiled template");
    }

    @Test
    void theStylesAreCachedTooAndAPlantedObjectInTheirPlaceIsNeverDeserialized() throws Exception {
        FormTemplates.load(context, NATIONAL, cache());
        Path styles = cached("form.jrtx-");
        ByteArrayOutputStream planted = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(planted)) {
            out.writeObject(new Planted());
        }
        Files.write(styles, planted.toByteArray());

        FormTemplates templates = FormTemplates.load(context, NATIONAL, cache());

        assertFalse(Planted.deserialized, "the planted object was deserialized");
        assertEquals(List.of("Default", "Cell"), Stream.of(templates.styles.getStyles()).limit(2)
                .map(JRStyle::getName).toList());
        assertEquals(List.of("the cache of compiled templates: " + styles + " is ignored and made again: it does not"
                + " verify (damaged, tampered with, or written by an older jixiao)"), warnings);
        warnings.clear();
        FormTemplates.load(context, NATIONAL, cache());
        assertEquals(List.of(), warnings, "the planted file was written over with the styles");
    }

    @Test
    void anotherTemplatesCompiledFormSwappedInIsCompiledAgain() throws Exception {
        FormTemplates.load(context, NATIONAL, cache()).summary(TEMPLATES);
        Path form = cached("form.jrxml-");
        Files.copy(cached("summary.jrxml-"), form, StandardCopyOption.REPLACE_EXISTING);

        FormTemplates templates = FormTemplates.load(context, NATIONAL, cache());

        assertEquals("form", templates.main.getName());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("the cache of compiled templates: " + form + " is ignored"));
    }

    private PrivateCache cache() {
        return PrivateCache.open(directory, "compiled templates", warnings::add).orElseThrow();
    }

    /** The one cached file whose name starts with {@code prefix}. */
    private Path cached(String prefix) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> found = files.filter(file -> file.getFileName().toString().startsWith(prefix)).toList();
            assertEquals(1, found.size(), "cached files " + found);
            return found.get(0);
        }
    }
}
