package cn.jixiao.render.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import java.awt.Color;
import java.awt.font.TextAttribute;
import java.text.AttributedCharacterIterator.Attribute;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jasperreports.engine.JRAnchor;
import net.sf.jasperreports.engine.JRCommonText;
import net.sf.jasperreports.engine.JRLineBox;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JRStyledTextAttributeSelector;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.fill.JRTemplateElement;
import net.sf.jasperreports.engine.fill.JRTemplatePrintText;
import net.sf.jasperreports.engine.type.HyperlinkTypeEnum;
import net.sf.jasperreports.engine.type.ModeEnum;
import net.sf.jasperreports.engine.type.RotationEnum;
import net.sf.jasperreports.engine.type.RunDirectionEnum;
import net.sf.jasperreports.engine.util.JRStyledText;
import net.sf.jasperreports.engine.util.JRTextAttribute;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.classic.ClassicChunk;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;

/**
 * JasperReports' PDF exporter, with the cells' borders drawn at less cost ({@link CellBorders}) and two changes to how
 * it writes a text:
 * <ul>
 * <li>A plain text (one font, left to right, not rotated, no markup, no link) is drawn line by line where the fill
 * broke it ({@link FillLines}), instead of being laid out again by JasperReports and OpenPDF, which took a good part
 * of the export's time. Where the fill's lines would not fit the cell by the PDF font's widths, or another text, the
 * exporter sets the text as JasperReports does.</li>
 * <li>A text cut while it is set tells which input it belongs to: {@link WholeTextPhrase} sees only the words, the
 * element being written knows its JSON path ({@link PrintedTexts#SOURCE_PATH}).</li>
 * </ul>
 */
final class FormPdfExporter extends JRPdfExporter {

    /** Whether texts may be drawn from the fill's lines: not in a tagged PDF, whose texts carry structure. */
    private boolean drawFillLines;
    private boolean legacyTextMeasuringFix;
    private final CellBorders borders = new CellBorders();
    /**
     * The PDF fonts of the texts' attributes in this document. JasperReports finds a text's font anew for every text
     * (OpenPDF's {@code FontFactory}, 4% of the batch workers' CPU, bench/results/2026-12-01-s5-export.txt); the same
     * attributes and locale give the same font.
     */
    private final Map<FontKey, PdfFont> fonts = new HashMap<>();
    /**
     * The same fonts by the template whose attributes a text has ({@link TemplateAttributes#templateOf}): looking a
     * font up by the attributes hashes and compares their map for every text, 3% of the export's CPU
     * (bench/results/2026-12-01-s7-export.txt).
     */
    private final Map<JRTemplateElement, TemplateFont> fontsByTemplate = new IdentityHashMap<>();
    /** The {@link FillLines.Frame} of the texts of a template, which they all take from it. */
    private final Map<JRTemplateElement, FillLines.Frame> frames = new IdentityHashMap<>();

    private record FontKey(Map<Attribute, Object> attributes, Locale locale) {
    }

    private record TemplateFont(Locale locale, PdfFont font) {
    }

    /** A text's font, size and colour ({@code null}: JasperReports' default, black). */
    private record PdfFont(BaseFont baseFont, float size, Color color) {
    }

    private static final PdfFont NOT_DRAWN_HERE = new PdfFont(null, 0f, null);

    private TemplateAttributes templateAttributes;

    FormPdfExporter(JasperReportsContext context) {
        super(context);
    }

    @Override
    protected void initReport() {
        super.initReport();
        drawFillLines = !Boolean.TRUE.equals(getCurrentConfiguration().isTagged());
        legacyTextMeasuringFix = propertiesUtil.getBooleanProperty(jasperPrint, LEGACY_TEXT_MEASURING_FIX, false);
        templateAttributes = new TemplateAttributes(jasperReportsContext, noBackcolorSelector);
    }

    @Override
    public void exportText(JRPrintText text) {
        try {
            if (!drawFillLines || !drawAtFillLineBreaks(text)) {
                super.exportText(text);
            }
        } catch (TextCutException e) {
            throw e.at(PrintedTexts.sourcePath(text));
        }
    }

    @Override
    protected void exportBox(JRLineBox box, JRPrintElement element) {
        int left = element.getX() + getOffsetX();
        int top = pageFormat.getPageHeight() - element.getY() - getOffsetY();
        if (!borders.draw(box, left, top, left + element.getWidth(), top - element.getHeight(),
                pdfContent::setStrokeColor, ((ClassicPdfProducer) pdfProducer).getPdfContentByte())) {
            super.exportBox(box, element);
        }
    }

    /** Draws the text at the line breaks the fill saved; {@code false}, having drawn nothing, when it cannot. */
    private boolean drawAtFillLineBreaks(JRPrintText text) {
        short[] breaks = text.getLineBreakOffsets();
        if (breaks == null || !plain(text)) {
            return false;
        }
        JRStyledText styled = styledTextUtil.getProcessedStyledText(text, templateAttributes, null);
        if (styled == null || styled.length() == 0 || styled.getRuns().size() != 1) {
            return false;
        }
        JRStyledText.Run run = styled.getRuns().get(0);
        if (run.startIndex != 0 || run.endIndex != styled.length()) {
            return false;
        }
        Map<Attribute, Object> attributes = run.attributes;
        if (attributes.containsKey(JRTextAttribute.HYPERLINK) || attributes.containsKey(TextAttribute.BACKGROUND)) {
            return false;
        }
        String content = styled.getText();
        PdfFont font = font(attributes, getTextLocale(text));
        if (font == NOT_DRAWN_HERE) {
            return false;
        }
        BaseFont baseFont = font.baseFont();
        float size = font.size();
        FillLines.Frame frame = text instanceof JRTemplatePrintText filled
                ? frames.computeIfAbsent(filled.getTemplate(), template -> FillLines.Frame.of(text))
                : FillLines.Frame.of(text);
        FillLines.Cell cell = FillLines.Cell.of(text, frame, text.getX() + getOffsetX(), text.getY() + getOffsetY(),
                pageFormat.getPageHeight(), size, legacyTextMeasuringFix);
        FillLines.Placement placement = FillLines.place(content, breaks, cell, baseFont, size);
        if (!placement.placed()) {
            return false;
        }
        draw(placement.lines(), baseFont, size, font.color());
        pdfContent.resetFillColor();
        exportBox(text.getLineBox(), text);
        return true;
    }

    /** The PDF font of a text's attributes and locale, {@link #pdfFont} found once per document. */
    private PdfFont font(Map<Attribute, Object> attributes, Locale locale) {
        JRTemplateElement template = templateAttributes.templateOf(attributes);
        if (template == null) {
            return fonts.computeIfAbsent(new FontKey(attributes, locale), this::pdfFont);
        }
        TemplateFont known = fontsByTemplate.get(template);
        if (known == null || !known.locale().equals(locale)) {
            known = new TemplateFont(locale, fonts.computeIfAbsent(new FontKey(attributes, locale), this::pdfFont));
            fontsByTemplate.put(template, known);
        }
        return known.font();
    }

    /**
     * The OpenPDF font JasperReports sets a text of these attributes in, or {@link #NOT_DRAWN_HERE} when the text
     * must be set by JasperReports: simulated bold or italic, underlined, struck through, raised, lowered, or
     * translucent.
     */
    private PdfFont pdfFont(FontKey key) {
        Chunk chunk = ((ClassicChunk) getChunk(key.attributes(), "", key.locale())).getChunk();
        Font font = chunk.getFont();
        Map<String, Object> chunkAttributes = chunk.getChunkAttributes();
        if (font.getBaseFont() == null || font.getCalculatedStyle() != Font.NORMAL
                || chunkAttributes != null && !chunkAttributes.keySet().stream().allMatch(Chunk.SPLITCHARACTER::equals)
                || font.getColor() != null && font.getColor().getAlpha() != 255) {
            return NOT_DRAWN_HERE;
        }
        return new PdfFont(font.getBaseFont(), font.getCalculatedSize(), font.getColor());
    }

    /**
     * What {@link FillLines} leaves to JasperReports: rotated, right-to-left, styled, linked and opaque texts, and those
     * the fill could not measure in plain lines (tabs, indents), which have no leading offset and which JasperReports
     * sets otherwise ({@code PdfTextRenderer}).
     */
    private static boolean plain(JRPrintText text) {
        return text.getRotation() == RotationEnum.NONE && text.getRunDirection() == RunDirectionEnum.LTR
                && JRCommonText.MARKUP_NONE.equals(text.getMarkup()) && text.getMode() != ModeEnum.OPAQUE
                && text.getLeadingOffset() != 0 && text.getAnchorName() == null
                && text.getBookmarkLevel() == JRAnchor.NO_BOOKMARK
                && (text.getHyperlinkType() == null || text.getHyperlinkType() == HyperlinkTypeEnum.NONE);
    }

    /** The lines as OpenPDF's {@code ColumnText} writes a line of one chunk: font, colour, position, text. */
    private void draw(List<FillLines.Line> lines, BaseFont font, float size, Color color) {
        PdfContentByte content = ((ClassicPdfProducer) pdfProducer).getPdfContentByte();
        content.beginText();
        content.setFontAndSize(font, size);
        if (color != null) {
            content.setColorFill(color);
        }
        for (FillLines.Line line : lines) {
            content.setTextMatrix(line.x(), line.baseline());
            content.showText(line.text());
        }
        if (color != null) {
            content.resetRGBColorFill();
        }
        content.endText();
    }

    /**
     * A text's attributes as JasperReports' exporter takes them (font and colour, no background:
     * {@code noBackcolorSelector}), found once per template. A filled text takes them all from its template
     * ({@link JRTemplatePrintText}), and JasperReports resolved each through the style hierarchy for every text (2% of
     * the batch workers' CPU, bench/results/2026-12-01-s5-export.txt). Each text gets its own copy.
     */
    private static final class TemplateAttributes extends JRStyledTextAttributeSelector {
        private final JRStyledTextAttributeSelector noBackcolor;
        private final Map<JRTemplateElement, Map<Attribute, Object>> byTemplate = new IdentityHashMap<>();
        /** The copy handed out last, and the template it is of ({@code null} when not a template's). */
        private Map<Attribute, Object> lastCopy;
        private JRTemplateElement lastTemplate;

        TemplateAttributes(JasperReportsContext context, JRStyledTextAttributeSelector noBackcolor) {
            super(context);
            this.noBackcolor = noBackcolor;
        }

        @Override
        public Map<Attribute, Object> getStyledTextAttributes(JRPrintText text) {
            if (!(text instanceof JRTemplatePrintText filled)) {
                lastCopy = null;
                lastTemplate = null;
                return noBackcolor.getStyledTextAttributes(text);
            }
            lastTemplate = filled.getTemplate();
            lastCopy = new HashMap<>(byTemplate.computeIfAbsent(lastTemplate,
                    template -> noBackcolor.getStyledTextAttributes(text)));
            return lastCopy;
        }

        /**
         * The template whose attributes these are: when they are the very map handed out last, which JasperReports
         * makes a plain text's single run of ({@code JRStyledText}'s constructor) and leaves as it is unless it
         * matches fonts anew (then the run's attributes are another map); {@code null} otherwise.
         */
        JRTemplateElement templateOf(Map<Attribute, Object> attributes) {
            return attributes == lastCopy ? lastTemplate : null;
        }
    }
}
