package cn.jixiao.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfContentByte;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import net.sf.jasperreports.engine.JRLineBox;
import net.sf.jasperreports.engine.base.JRBasePrintText;
import net.sf.jasperreports.engine.type.LineStyleEnum;
import org.junit.jupiter.api.Test;

/**
 * The cells' borders come out as JasperReports' PDF exporter writes them. The expected operators are those of a form
 * the exporter wrote before {@link CellBorders} (the first cell of the national form: 0.5 pt black on all sides).
 */
class CellBordersTest {

    private final PdfContentByte content = new PdfContentByte(null);

    @Test
    void aCellWithFourSolidBordersIsDrawnAsJasperReportsDrawsIt() {
        JRLineBox box = box();
        box.getPen().setLineWidth(0.5f);
        box.getPen().setLineColor(Color.BLACK);

        assertTrue(new CellBorders().draw(box, 51, 747, 95, 727, content::setColorStroke, content));

        assertEquals("""
                0.5 w
                0 J
                0 0 0 RG
                [] 0 d
                50.75 747 m
                95.25 747 l
                S
                0.5 w
                0 J
                0 0 0 RG
                [] 0 d
                51 747.25 m
                51 726.75 l
                S
                0.5 w
                0 J
                0 0 0 RG
                [] 0 d
                50.75 727 m
                95.25 727 l
                S
                0.5 w
                0 J
                0 0 0 RG
                [] 0 d
                95 747.25 m
                95 726.75 l
                S
                [] 0 d
                2 J
                """, written());
    }

    @Test
    void sidesWithoutAPenAreLeftOutAndTheOthersMeetTheirNeighboursWidths() {
        JRLineBox box = box();
        box.getTopPen().setLineWidth(1f);
        box.getTopPen().setLineColor(Color.RED);
        box.getLeftPen().setLineWidth(2f);
        box.getLeftPen().setLineColor(Color.BLUE);

        assertTrue(new CellBorders().draw(box, 10, 100, 60, 80, content::setColorStroke, content));

        assertEquals("""
                1 w
                0 J
                1 0 0 RG
                [] 0 d
                9 100 m
                60 100 l
                S
                2 w
                0 J
                0 0 1 RG
                [] 0 d
                10 100.5 m
                10 80 l
                S
                [] 0 d
                2 J
                """, written());
    }

    @Test
    void aDashedOrTranslucentPenIsLeftToJasperReports() {
        JRLineBox dashed = box();
        dashed.getPen().setLineWidth(1f);
        dashed.getBottomPen().setLineStyle(LineStyleEnum.DASHED);
        JRLineBox translucent = box();
        translucent.getPen().setLineWidth(1f);
        translucent.getPen().setLineColor(new Color(0, 0, 0, 128));

        CellBorders borders = new CellBorders();
        assertFalse(borders.draw(dashed, 0, 100, 50, 80, content::setColorStroke, content));
        assertFalse(borders.draw(translucent, 0, 100, 50, 80, content::setColorStroke, content));
        assertEquals("", written());
    }

    private static JRLineBox box() {
        return new JRBasePrintText(null).getLineBox();
    }

    private String written() {
        return new String(content.getInternalBuffer().toByteArray(), StandardCharsets.ISO_8859_1);
    }
}
