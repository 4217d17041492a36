package cn.jixiao.render.pdf;

import com.lowagie.text.pdf.ByteBuffer;
import com.lowagie.text.pdf.PdfContentByte;
import java.awt.Color;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;
import net.sf.jasperreports.engine.JRLineBox;
import net.sf.jasperreports.engine.JRPen;
import net.sf.jasperreports.engine.type.LineStyleEnum;

/**
 * The borders of the cells, drawn as JasperReports' PDF exporter draws them ({@code JRPdfExporter.exportBox}), to the
 * byte, at less cost. Every cell of the form has four solid borders, and JasperReports spent about a tenth of the
 * export's CPU on them (JFR, bench/results/2026-12-01-s5-export.txt): for each side it looks up the pen's width
 * through the style hierarchy up to seven times and writes the pen's width, cap, colour and dash by formatting them
 * anew. Here a box's pens are looked up once per export (a cell's box is its template's, shared by the cells of the
 * same template), the pen's fixed operators are written from bytes OpenPDF formatted once, and a side's colour as
 * OpenPDF wrote it for the box's first side.
 *
 * <p>Only solid, opaque pens are drawn here; a box with another pen (double, dotted, dashed, translucent) is left to
 * JasperReports.
 */
final class CellBorders {

    /** {@code [] 0 d}: JasperReports' dash for a solid pen. */
    private static final byte[] SOLID = written(content -> content.setLineDash(0f));
    /** What JasperReports writes after a box: a solid dash, and the projecting square cap. */
    private static final byte[] BOX_END = written(content -> {
        content.setLineDash(0f);
        content.setLineCap(PdfContentByte.LINE_CAP_PROJECTING_SQUARE);
    });

    private final Map<JRLineBox, Pens> byBox = new IdentityHashMap<>();

    /** The four pens of a box as the exporter resolves them; {@code null} sides draw nothing. */
    private record Pens(Pen top, Pen left, Pen bottom, Pen right, boolean drawable) {
    }

    /**
     * A pen of width above zero: its width, colour, and its width and butt cap as OpenPDF writes them
     * ({@code w}, {@code J}).
     */
    private record Pen(float width, Color color, byte[] widthAndCap) {
    }

    /**
     * Draws the box's borders around a cell, as {@code JRPdfExporter.exportBox} does; {@code false}, having drawn
     * nothing, when a pen is one this class does not draw.
     *
     * @param left        the cell's left edge on the page, page offsets included
     * @param top         its top edge, in PDF coordinates (y up)
     * @param right       its right edge ({@code left + width})
     * @param bottom      its bottom edge ({@code top - height})
     * @param strokeColor sets the stroke colour as JasperReports does ({@code PdfContent.setStrokeColor})
     */
    boolean draw(JRLineBox box, int left, int top, int right, int bottom, Consumer<Color> strokeColor,
                 PdfContentByte content) {
        Pens pens = byBox.computeIfAbsent(box, CellBorders::resolve);
        if (!pens.drawable()) {
            return false;
        }
        float topHalf = half(pens.top());
        float leftHalf = half(pens.left());
        float bottomHalf = half(pens.bottom());
        float rightHalf = half(pens.right());
        SideColor color = new SideColor(strokeColor, content.getInternalBuffer());
        // The order, the offsets and the arithmetic (int, then float) of exportTopPen, exportLeftPen, exportBottomPen
        // and exportRightPen.
        if (pens.top() != null) {
            side(pens.top(), color, content, left - leftHalf, top, right + rightHalf, top);
        }
        if (pens.left() != null) {
            side(pens.left(), color, content, left, top + topHalf, left, bottom - bottomHalf);
        }
        if (pens.bottom() != null) {
            side(pens.bottom(), color, content, left - leftHalf, bottom, right + rightHalf, bottom);
        }
        if (pens.right() != null) {
            side(pens.right(), color, content, right, top + topHalf, right, bottom - bottomHalf);
        }
        content.getInternalBuffer().append(BOX_END);
        return true;
    }

    private static void side(Pen pen, SideColor color, PdfContentByte content, float x1, float y1, float x2,
                             float y2) {
        ByteBuffer buffer = content.getInternalBuffer();
        buffer.append(pen.widthAndCap());
        color.set(pen.color());
        buffer.append(SOLID);
        content.moveTo(x1, y1);
        content.lineTo(x2, y2);
        content.stroke();
    }

    private static float half(Pen pen) {
        return pen == null ? 0f : pen.width() / 2;
    }

    private static Pens resolve(JRLineBox box) {
        Pen top = pen(box.getTopPen());
        Pen left = pen(box.getLeftPen());
        Pen bottom = pen(box.getBottomPen());
        Pen right = pen(box.getRightPen());
        boolean drawable = drawable(box.getTopPen()) && drawable(box.getLeftPen()) && drawable(box.getBottomPen())
                && drawable(box.getRightPen());
        return new Pens(top, left, bottom, right, drawable);
    }

    private static boolean drawable(JRPen pen) {
        if (pen.getLineWidth() <= 0f) {
            return true;
        }
        Color color = pen.getLineColor();
        return pen.getLineStyle() == LineStyleEnum.SOLID && color != null && color.getAlpha() == 255;
    }

    private static Pen pen(JRPen pen) {
        float width = pen.getLineWidth();
        if (width <= 0f) {
            return null;
        }
        return new Pen(width, pen.getLineColor(), written(content -> {
            content.setLineWidth(width);
            content.setLineCap(PdfContentByte.LINE_CAP_BUTT);
        }));
    }

    /** The operators as OpenPDF writes them. */
    private static byte[] written(Consumer<PdfContentByte> operators) {
        PdfContentByte scratch = new PdfContentByte(null);
        operators.accept(scratch);
        return scratch.getInternalBuffer().toByteArray();
    }

    /**
     * The stroke colour of a box's sides. The first side's goes through JasperReports and OpenPDF, which may also
     * reset the stroke's opacity in the graphics state; after it, the same colour is one operator, the last line
     * OpenPDF wrote, repeated.
     */
    private static final class SideColor {
        private final Consumer<Color> strokeColor;
        private final ByteBuffer buffer;
        private Color color;
        private byte[] operator;

        SideColor(Consumer<Color> strokeColor, ByteBuffer buffer) {
            this.strokeColor = strokeColor;
            this.buffer = buffer;
        }

        void set(Color next) {
            if (next.equals(color)) {
                buffer.append(operator);
                return;
            }
            int end = buffer.size();
            strokeColor.accept(next);
            byte[] bytes = buffer.getBuffer();
            int start = buffer.size() - 1;
            while (start > end && bytes[start - 1] != '\n') {
                start--;
            }
            color = next;
            operator = Arrays.copyOfRange(bytes, start, buffer.size());
        }
    }
}
