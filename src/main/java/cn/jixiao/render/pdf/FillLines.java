package cn.jixiao.render.pdf;

import com.lowagie.text.pdf.BaseFont;
import java.util.ArrayList;
import java.util.List;
import net.sf.jasperreports.engine.JRLineBox;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.type.HorizontalTextAlignEnum;
import net.sf.jasperreports.engine.type.VerticalTextAlignEnum;

/**
 * The lines of a text as the fill broke it ({@link JRPrintText#getLineBreakOffsets}), placed where JasperReports' PDF
 * exporter would put them, so that {@link FormPdfExporter} draws them without laying the text out again.
 *
 * <p>JasperReports' own way, which this one stands in for, is its {@code SimplePdfTextRenderer} with OpenPDF's
 * {@code ColumnText} underneath: each paragraph (the text between {@code \n}) is a column from the cell's left to its
 * right padding, whose top is the cell's top padding, lowered by the vertical alignment and raised by the font's
 * descent (the fill's leading offset, which is minus the descent); every line is {@code lineSpacingFactor × font
 * size} below the one before, and a line that would reach below the bottom padding is not set. Lines after the first of a paragraph lose their
 * leading blanks, lines but the last their trailing blanks; a centred or right-aligned line is placed by its width in
 * the PDF font. The same geometry is kept here, only the breaks come from the fill.
 *
 * <p>A text is placed only when it is plain enough for that to be exact (see {@link #place}); otherwise, or when a
 * line would be wider than the cell by the PDF font's own widths, or the lines would not fit its height, there is no
 * placement and the exporter sets the text with {@code ColumnText} as before, which either fits it or reports the cut.
 */
final class FillLines {

    /**
     * How much narrower than the cell a line must be, in points: a line that only just fits by one measure may not by
     * the other's rounding, and is then left to {@code ColumnText}.
     */
    private static final float WIDTH_SLACK = 0.01f;

    /** Flags of a line: the first of its paragraph, the last of its paragraph. */
    private static final int FIRST = 1;
    private static final int LAST = 2;

    private FillLines() {
    }

    /** A line to draw: its text, where it starts and its baseline, in PDF coordinates. */
    record Line(String text, float x, float baseline) {
    }

    /** Why a text is left to {@code ColumnText}. */
    enum Refusal {
        /** Not a text of one font drawn left to right character by character, or a justified one. */
        NOT_PLAIN,
        /** The breaks do not cut this text into the lines the fill measured. */
        NOT_THE_FILLS_LINES,
        /** A line is wider than the cell by the PDF font's widths. */
        TOO_WIDE,
        /** The lines reach below the cell's bottom padding. */
        TOO_TALL
    }

    /** The lines to draw, or why there are none. */
    record Placement(List<Line> lines, Refusal refusal) {
        private static Placement refused(Refusal refusal) {
            return new Placement(null, refusal);
        }

        boolean placed() {
            return lines != null;
        }
    }

    /**
     * The cell a text is set in, in PDF coordinates (y up), as {@code SimplePdfTextRenderer} computes it.
     *
     * @param top           where the first line's leading starts
     * @param bottom        how low a baseline may go
     * @param leading       from one baseline to the next
     * @param measuredLines how many lines the fill measured
     */
    record Cell(float left, float right, float top, float bottom, float leading, int measuredLines,
                HorizontalTextAlignEnum alignment) {

        /**
         * @param text       the text element
         * @param frame      its {@link Frame}
         * @param x          the element's left edge on the page, page offsets included
         * @param y          its top edge, measured down from the top of the page
         * @param pageHeight the page's height
         * @param fontSize   the size of the text's one font
         * @param legacyFix  whether JasperReports' {@code legacy.text.measuring.fix} is on (a point less at the bottom)
         */
        static Cell of(JRPrintText text, Frame frame, int x, int y, int pageHeight, float fontSize,
                       boolean legacyFix) {
            int height = text.getHeight();
            float free = height - frame.topPadding() - frame.bottomPadding() - text.getTextHeight();
            float verticalOffset = switch (frame.verticalAlignment()) {
                case BOTTOM -> free;
                case MIDDLE -> free / 2f;
                default -> 0f;
            };
            float leading = fontSize * text.getLineSpacingFactor();
            float linesHeight = text.getTextHeight() - frame.spacingBefore();
            return new Cell(x + frame.leftPadding(), x + text.getWidth() - frame.rightPadding(),
                    pageHeight - y - frame.topPadding() - verticalOffset - text.getLeadingOffset(),
                    pageHeight - y - height + frame.bottomPadding() - (legacyFix ? 1 : 0), leading,
                    leading > 0 ? Math.round(linesHeight / leading) : -1, frame.alignment());
        }
    }

    /**
     * What a text's style gives its cell: paddings, alignments and the space before its paragraph. A filled text takes
     * them from its template, shared by the texts of a template, and JasperReports resolves each through the style
     * hierarchy anew for every text: the exporter keeps them per template (3% of the export's CPU,
     * bench/results/2026-12-01-s7-export.txt).
     */
    record Frame(int leftPadding, int rightPadding, int topPadding, int bottomPadding,
                 VerticalTextAlignEnum verticalAlignment, HorizontalTextAlignEnum alignment, int spacingBefore) {

        static Frame of(JRPrintText text) {
            JRLineBox box = text.getLineBox();
            return new Frame(box.getLeftPadding(), box.getRightPadding(), box.getTopPadding(), box.getBottomPadding(),
                    text.getVerticalTextAlign(), text.getHorizontalTextAlign(),
                    text.getParagraph().getSpacingBefore());
        }
    }

    /**
     * The lines of {@code content} broken at {@code breaks} (each an offset from the break before), placed in the
     * cell; none when the text is not one this class can place exactly, or does not fit the cell by the font's widths
     * and the cell's height.
     *
     * <p>Placed are texts of one font, left, centred or right-aligned, of characters drawn left to right one by one:
     * no control characters but {@code \n}, no invisible formatting characters, no right-to-left script, no
     * characters outside the Basic Multilingual Plane.
     */
    static Placement place(String content, short[] breaks, Cell cell, BaseFont font, float size) {
        if (!plain(content) || cell.alignment() == HorizontalTextAlignEnum.JUSTIFIED) {
            return Placement.refused(Refusal.NOT_PLAIN);
        }
        List<int[]> lines = lines(paragraphs(content), breaks);
        if (lines == null || lines.size() != cell.measuredLines()) {
            return Placement.refused(Refusal.NOT_THE_FILLS_LINES);
        }
        float width = cell.right() - cell.left();
        List<Line> placed = new ArrayList<>(lines.size());
        float baseline = cell.top();
        for (int[] line : lines) {
            if (baseline - cell.leading() < cell.bottom()) {
                return Placement.refused(Refusal.TOO_TALL);
            }
            baseline -= cell.leading();
            int start = line[0];
            int end = line[1];
            if (!firstOfParagraph(line)) {
                while (start < end && content.charAt(start) <= ' ') {
                    start++;
                }
            }
            int visibleEnd = end;
            while (visibleEnd > start && content.charAt(visibleEnd - 1) <= ' ') {
                visibleEnd--;
            }
            String visible = content.substring(start, visibleEnd);
            float visibleWidth = font.getWidthPoint(visible, size);
            if (visibleWidth > width - WIDTH_SLACK) {
                return Placement.refused(Refusal.TOO_WIDE);
            }
            String text = visible;
            float textWidth = visibleWidth;
            if (lastOfParagraph(line) && visibleEnd < end) {
                // OpenPDF keeps the blanks at the end of a paragraph, and counts them in its width when they fit.
                String whole = content.substring(start, end);
                float wholeWidth = font.getWidthPoint(whole, size);
                if (wholeWidth <= width) {
                    text = whole;
                    textWidth = wholeWidth;
                }
            }
            float x = switch (cell.alignment()) {
                case CENTER -> cell.left() + (width - textWidth) / 2f;
                case RIGHT -> cell.left() + (width - textWidth);
                default -> cell.left();
            };
            if (!visible.isEmpty()) {
                placed.add(new Line(text, x, baseline));
            }
        }
        return new Placement(placed, null);
    }

    private static boolean plain(String content) {
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '\n') {
                continue;
            }
            if (c < ' ' || Character.isSurrogate(c) || Character.getType(c) == Character.FORMAT) {
                return false;
            }
            switch (Character.getDirectionality(c)) {
                case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC,
                     Character.DIRECTIONALITY_RIGHT_TO_LEFT_EMBEDDING,
                     Character.DIRECTIONALITY_RIGHT_TO_LEFT_OVERRIDE -> {
                    return false;
                }
                default -> {
                }
            }
        }
        return true;
    }

    /**
     * The paragraphs as JasperReports takes them (its {@code AbstractTextRenderer.render}, the same as when filling):
     * the text between newlines, and an empty paragraph (a blank line) for a newline that follows a newline or that
     * starts or ends the text. Each is {start, end}; an empty one has start == end.
     */
    private static List<int[]> paragraphs(String content) {
        List<int[]> paragraphs = new ArrayList<>();
        boolean afterNewline = false;
        int start = 0;
        while (start < content.length()) {
            if (content.charAt(start) == '\n') {
                if (afterNewline) {
                    paragraphs.add(new int[] {start - 1, start - 1});
                }
                if (start == 0 || start == content.length() - 1) {
                    paragraphs.add(new int[] {start, start});
                }
                afterNewline = true;
                start++;
            } else {
                int end = content.indexOf('\n', start);
                end = end < 0 ? content.length() : end;
                paragraphs.add(new int[] {start, end});
                afterNewline = false;
                start = end;
            }
        }
        return paragraphs;
    }

    /**
     * The paragraphs cut at the fill's breaks: each line {start, end, flags} with {@link #FIRST} and {@link #LAST} of
     * its paragraph; {@code null} when a break is not inside a paragraph (the breaks are not this text's).
     */
    private static List<int[]> lines(List<int[]> paragraphs, short[] breaks) {
        List<int[]> lines = new ArrayList<>(paragraphs.size() + breaks.length);
        int next = 0;
        int breakAt = breaks.length > 0 ? breaks[0] : 0;
        for (int[] paragraph : paragraphs) {
            int start = paragraph[0];
            int flags = FIRST;
            while (next < breaks.length && breakAt < paragraph[1]) {
                if (breakAt <= start) {
                    return null;
                }
                lines.add(new int[] {start, breakAt, flags});
                flags = 0;
                start = breakAt;
                next++;
                breakAt += next < breaks.length ? breaks[next] : 0;
            }
            lines.add(new int[] {start, paragraph[1], flags | LAST});
        }
        return next == breaks.length ? lines : null;
    }

    private static boolean firstOfParagraph(int[] line) {
        return (line[2] & FIRST) != 0;
    }

    private static boolean lastOfParagraph(int[] line) {
        return (line[2] & LAST) != 0;
    }
}
