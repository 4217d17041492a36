package cn.jixiao.render.docx;

import cn.jixiao.fonts.FontException;
import cn.jixiao.fonts.FontLibrary;
import cn.jixiao.fonts.FontLibrary.Face;
import cn.jixiao.fonts.FontSettings;
import cn.jixiao.layout.FormGrid;
import cn.jixiao.layout.FormLayout;
import cn.jixiao.model.Evaluation;
import cn.jixiao.model.Form;
import cn.jixiao.model.Indicator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Writes a form as an editable Word document from its DOCX template (see {@code templates/FORM/form.docx}).
 *
 * <p>Create one renderer per run: it checks and reads the template once with POI, keeping it as the parts of a
 * finished document ({@link DocxTemplate}), and maps the font files once. {@link #render} then writes a form as text,
 * without POI, and may be called from any number of threads. A form with characters that fallback fonts draw is
 * written from a template read again with those fonts embedded, once per run for each set of fallback fonts. The same form gives the same bytes: zip entries carry a
 * fixed date, font keys derive from the font names, nothing reads the clock.
 *
 * <p>The template's table rows are the form's rows in order, with one prototype row holding the
 * {@code ${indicator...}} fields; the rows, column spans and vertical merges come from
 * {@link cn.jixiao.layout.FormGrid}, the template gives wording and formatting. See {@link Placeholders} for the
 * fields.
 */
public final class DocxRenderer {

    /** A template file larger than this is refused. */
    public static final long MAX_TEMPLATE_BYTES = 10L << 20;
    /** A template whose entries unpack to more than this is refused as a possible zip bomb. */
    public static final long MAX_UNPACKED_BYTES = 64L << 20;
    private static final int MAX_ENTRIES = 1000;

    private final String templateName;
    private final byte[] templateBytes;
    private final Set<String> fields;
    /** The grid's columns for a template whose rows follow {@link FormGrid}; 0 for one that holds its table whole. */
    private final int gridColumns;
    private final FontSettings settings;
    private final FontLibrary library;
    private final DocxTemplate template;
    private final List<Path> fallbackFiles;
    /** Templates by the files of their fallback faces; the renderer's own is not among them. */
    private final Map<List<Path>, DocxTemplate> withFallbacks = new HashMap<>();
    /** Why a fallback font cannot be embedded, by file; empty when it can. */
    private final Map<Path, Optional<String>> unembeddable = new ConcurrentHashMap<>();

    /**
     * Reads and checks the template of a form, and prepares the fonts of the settings for embedding. The national
     * form's rows follow {@link FormGrid}; every other form's template holds its table whole (see
     * {@link TemplateRowsLayout}).
     *
     * @param fallbacks the faces that draw what the configured families lack, in the order they are tried (see
     *                  {@link cn.jixiao.fonts.GlyphCoverage#fallbacks})
     * @throws DocxException when the template cannot be used; the message names the file and the problem
     * @throws FontException when a configured family is not in the font directory or cannot be embedded
     */
    public DocxRenderer(Path templateFile, Form form, FontSettings settings, FontLibrary library,
                        List<Face> fallbacks) throws DocxException, FontException {
        this.templateName = String.valueOf(templateFile.getFileName());
        this.gridColumns = form == Form.NATIONAL ? FormGrid.COLUMNS : 0;
        this.templateBytes = readTemplate(templateFile);
        this.settings = settings;
        this.library = library;
        FormLayout sample = sample(form);
        Set<String> fields = new TreeSet<>(Placeholders.formValues(sample).keySet());
        fields.addAll(Placeholders.indicatorValues("", "", sample.indicatorGroups().get(0).subgroups().get(0)
                .rows().get(0)).keySet());
        this.fields = Collections.unmodifiableSet(fields);
        this.template = compile(fallbacks);
        this.fallbackFiles = filesOf(fallbacks);
        render(sample); // a template that does not fit the form fails here, not at the first real form
    }

    /** The national form's renderer. */
    public DocxRenderer(Path templateFile, FontSettings settings, FontLibrary library, List<Face> fallbacks)
            throws DocxException, FontException {
        this(templateFile, Form.NATIONAL, settings, library, fallbacks);
    }

    /** The national form's renderer without fallback fonts: a character the configured families lack is left out. */
    public DocxRenderer(Path templateFile, FontSettings settings, FontLibrary library)
            throws DocxException, FontException {
        this(templateFile, settings, library, List.of());
    }

    /** A renderer for the font settings' directory, scanned here, without fallback fonts. */
    public static DocxRenderer create(Path templateFile, FontSettings settings) throws DocxException, FontException {
        return new DocxRenderer(templateFile, settings, FontLibrary.scan(settings.directory()), List.of());
    }

    /** The filled form as DOCX bytes, with the fallback faces of the renderer. */
    public byte[] render(FormLayout form) throws DocxException {
        return render(form, template);
    }

    /**
     * The filled form as DOCX bytes, drawn with these fallback faces (see
     * {@link cn.jixiao.fonts.GlyphCoverage#fallbacks}) where its faces lack a character.
     */
    public byte[] render(FormLayout form, List<Face> fallbacks) throws DocxException {
        return render(form, template(fallbacks));
    }

    /** Writes the filled form as DOCX to the stream, which stays open. */
    public void render(FormLayout form, OutputStream out) throws DocxException, IOException {
        write(form, template, out);
    }

    /**
     * Which format cannot carry the glyphs of this fallback face, and why, e.g. {@code "the DOCX (the font has
     * PostScript (CFF) outlines ...)"}; empty when the DOCX embeds them.
     */
    public Optional<String> lackingFormat(Face fallback) {
        return unembeddable.computeIfAbsent(fallback.file(), DocumentFonts::cannotEmbed)
                .map(reason -> "the DOCX (" + reason + ")");
    }

    private byte[] render(FormLayout form, DocxTemplate filled) throws DocxException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            write(form, filled, out);
        } catch (IOException e) {
            throw new DocxException("cannot write the document: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private void write(FormLayout form, DocxTemplate filled, OutputStream out) throws DocxException, IOException {
        try {
            filled.write(form, out);
        } catch (DocxException e) {
            throw new DocxException("template " + templateName + ": " + e.getMessage(), e);
        }
    }

    private DocxTemplate template(List<Face> fallbacks) throws DocxException {
        List<Path> files = filesOf(fallbacks);
        if (files.equals(fallbackFiles)) {
            return template;
        }
        synchronized (withFallbacks) {
            DocxTemplate found = withFallbacks.get(files);
            if (found == null) {
                found = compile(fallbacks);
                withFallbacks.put(files, found);
            }
            return found;
        }
    }

    private DocxTemplate compile(List<Face> fallbacks) throws DocxException {
        try {
            return TemplateReader.read(templateBytes, templateName,
                    new DocumentFonts(settings, library, fallbacks), fields, gridColumns);
        } catch (FontException e) {
            throw new DocxException(e.getMessage(), e);
        }
    }

    private static List<Path> filesOf(List<Face> faces) {
        return faces.stream().map(Face::file).toList();
    }

    /** The file, refused when it is too large or unpacks to too much (a zip bomb). */
    private byte[] readTemplate(Path file) throws DocxException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_TEMPLATE_BYTES) {
                throw new DocxException("template " + templateName + " is " + size + " bytes; a form template may"
                        + " be at most " + MAX_TEMPLATE_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DocxException("template " + file + " does not exist", e);
        } catch (IOException e) {
            throw new DocxException("cannot read template " + file + ": " + e.getMessage(), e);
        }
        long unpacked = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw new DocxException("template " + templateName + " has more than " + MAX_ENTRIES
                            + " entries; refused as a possible zip bomb");
                }
                for (int read = zip.read(buffer); read >= 0; read = zip.read(buffer)) {
                    unpacked += read;
                    if (unpacked > MAX_UNPACKED_BYTES) {
                        throw new DocxException("template " + templateName + " unpacks to more than "
                                + MAX_UNPACKED_BYTES + " bytes; refused as a possible zip bomb");
                    }
                }
            }
        } catch (ZipException e) {
            throw new DocxException("template " + templateName + " is not a .docx file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DocxException("cannot read template " + templateName + ": " + e.getMessage(), e);
        }
        if (entries == 0) {
            throw new DocxException("template " + templateName + " is not a .docx file (not a zip archive)");
        }
        return bytes;
    }

    /** A form with every field and a merged indicator group, to check the template against once. */
    private static FormLayout sample(Form form) {
        Indicator indicator = new Indicator("一级", "二级", "三级", "目标", "完成", null, null, "偏差");
        return FormLayout.of(new Evaluation(2023, "项目", "部门", "单位", null, null, null,
                List.of(indicator, indicator), null, form, null, null, null, null, null, null, null, null));
    }
}
