package cn.jixiao.render.docx;

import cn.jixiao.io.ReproducibleZip;
import cn.jixiao.io.ReproducibleZip.Entry;
import cn.jixiao.layout.FormLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * The Word template as the parts of a finished document ({@link TemplateReader} makes it), so that a form is written
 * without parsing or serializing XML: parts without fields are copied as compressed once, the parts with fields are
 * filled and compressed, the form tables' rows laid out by {@link FormTable}, and the embedded fonts cut to what the
 * form draws ({@link FontSubsets}). Thread-safe.
 */
final class DocxTemplate {

    /** Compression of XML parts: they shrink to a few percent. */
    static final int XML_LEVEL = Deflater.DEFAULT_COMPRESSION;
    /** Compression of font parts: glyph outlines shrink by a third at any level, the fastest takes half the time. */
    private static final int FONT_LEVEL = Deflater.BEST_SPEED;

    /** An entry of the archive. */
    sealed interface Part permits FixedPart, FilledPart, FontPart {
    }

    /** A part every form shares, compressed once. */
    record FixedPart(Entry entry) implements Part {
    }

    /** A part with fields, written for each form. */
    record FilledPart(String name, XmlTemplate xml, int capacity) implements Part {
    }

    /** An embedded font, cut for each form. */
    record FontPart(int number, EmbeddedFont font) implements Part {
    }

    /** The archive's entries in order. */
    private final List<Part> entries;
    private final FormTable table;
    private final DocumentFonts fonts;
    private final BitSet[] templateCodePoints;
    private final FontSubsets fontSubsets = new FontSubsets();

    /**
     * @param entries            the archive's entries in order
     * @param templateCodePoints per face, the characters of the template's own text
     */
    DocxTemplate(List<Part> entries, FormTable table, DocumentFonts fonts, BitSet[] templateCodePoints) {
        this.entries = entries;
        this.table = table;
        this.fonts = fonts;
        this.templateCodePoints = templateCodePoints;
    }

    /** Writes the form as a DOCX file. */
    void write(FormLayout form, OutputStream out) throws DocxException, IOException {
        Map<String, String> values = Placeholders.formValues(form);
        BitSet[] codePoints = new BitSet[templateCodePoints.length];
        for (int face = 0; face < codePoints.length; face++) {
            codePoints[face] = (BitSet) templateCodePoints[face].clone();
        }
        FormRows layout = table.layout(form, values);
        Entry[] written = new Entry[entries.size()];
        Deflater deflater = ReproducibleZip.deflater(XML_LEVEL);
        Deflater fontDeflater = ReproducibleZip.deflater(FONT_LEVEL);
        try {
            for (int i = 0; i < written.length; i++) {
                if (entries.get(i) instanceof FilledPart part) {
                    PartWriter writer = new PartWriter(part.capacity(), codePoints, fonts);
                    part.xml().write(writer, values::get, layout);
                    written[i] = ReproducibleZip.deflate(part.name(), writer.bytes(), writer.size(), deflater);
                }
            }
            layout.finish();
            for (int i = 0; i < written.length; i++) { // fonts once every part has added its characters
                if (entries.get(i) instanceof FixedPart fixed) {
                    written[i] = fixed.entry();
                } else if (entries.get(i) instanceof FontPart font) {
                    written[i] = fontSubsets.entry(font.number(), font.font(), codePoints, fontDeflater);
                }
            }
        } finally {
            deflater.end();
            fontDeflater.end();
        }
        ReproducibleZip.write(List.of(written), out);
    }
}
