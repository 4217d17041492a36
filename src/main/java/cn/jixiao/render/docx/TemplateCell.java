package cn.jixiao.render.docx;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.xmlbeans.XmlOptions;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/** A template cell made into a cell as a form shows it: with its column span and its place in a vertical merge. */
final class TemplateCell {

    /** How a cell takes part in a vertical merge; {@code KEEP}: as the template cell says. */
    enum Merge { NONE, RESTART, CONTINUE, KEEP }

    /** A paragraph of a cell, for the height estimate: its font size and its text with field marks. */
    record ParagraphText(double sizeTwips, String text) {
    }

    /** A cell as a form shows it, serialized. */
    record CellXml(XmlTemplate xml, long widthTwips, List<ParagraphText> paragraphs) {
    }

    /** Which form of a template cell: where it starts on the grid, its merge and its span. */
    record CellKey(int column, Merge merge, int span) {
    }

    private TemplateCell() {
    }

    /**
     * Serializes a copy of the template cell with this span and merge, emptied when it continues a merge.
     *
     * @param columns        the table's grid column widths in twips
     * @param paragraphSizes the font size of each of the template cell's paragraphs, in twips
     * @param options        how the cell's XML is written (its namespaces and element name)
     * @param fields         the template's fields by mark number
     */
    static CellXml compile(CTTc templateCell, CellKey key, long[] columns, double[] paragraphSizes,
                           XmlOptions options, List<FieldUse> fields) throws DocxException {
        CTTc cell = (CTTc) templateCell.copy();
        setMerge(cell, key.merge());
        if (key.merge() == Merge.CONTINUE) {
            clearContent(cell);
        }
        long width = setSpan(cell, key.span(), columns, key.column());
        List<ParagraphText> paragraphs = new ArrayList<>();
        if (key.merge() != Merge.CONTINUE) { // a continued cell is empty and adds no height
            List<CTP> cellParagraphs = cell.getPList();
            for (int i = 0; i < cellParagraphs.size(); i++) {
                StringBuilder text = new StringBuilder();
                for (CTR run : cellParagraphs.get(i).getRList()) {
                    text.append(Placeholders.runText(run)).append(run.sizeOfBrArray() > 0 ? "\n" : "");
                }
                paragraphs.add(new ParagraphText(paragraphSizes[i], text.toString()));
            }
        }
        return new CellXml(XmlTemplate.parse(cell.xmlText(options), fields), width, paragraphs);
    }

    /** How many grid columns the template cell spans. */
    static int span(CTTc cell) {
        CTTcPr properties = cell.getTcPr();
        return properties != null && properties.isSetGridSpan() ? properties.getGridSpan().getVal().intValue() : 1;
    }

    /** Sets the span and the matching width; returns the width in twips. */
    private static long setSpan(CTTc cell, int span, long[] columns, int column) {
        CTTcPr properties = cell.isSetTcPr() ? cell.getTcPr() : cell.addNewTcPr();
        long width = 0;
        for (int i = column; i < column + span; i++) {
            width += columns[i];
        }
        if (!properties.isSetTcW()) {
            properties.addNewTcW();
        }
        properties.getTcW().setW(BigInteger.valueOf(width));
        properties.getTcW().setType(STTblWidth.DXA);
        if (span > 1) {
            (properties.isSetGridSpan() ? properties.getGridSpan() : properties.addNewGridSpan())
                    .setVal(BigInteger.valueOf(span));
        } else if (properties.isSetGridSpan()) {
            properties.unsetGridSpan();
        }
        return width;
    }

    private static void setMerge(CTTc cell, Merge merge) {
        if (merge == Merge.KEEP) {
            return;
        }
        CTTcPr properties = cell.isSetTcPr() ? cell.getTcPr() : cell.addNewTcPr();
        if (properties.isSetVMerge()) {
            properties.unsetVMerge();
        }
        if (merge == Merge.RESTART) {
            properties.addNewVMerge().setVal(STMerge.RESTART);
        } else if (merge == Merge.CONTINUE) {
            properties.addNewVMerge(); // no value: continue
        }
    }

    /** A continued merge cell holds one empty paragraph with the formatting of its first. */
    private static void clearContent(CTTc cell) {
        CTP empty = CTP.Factory.newInstance();
        if (cell.sizeOfPArray() > 0 && cell.getPArray(0).isSetPPr()) {
            empty.setPPr(cell.getPArray(0).getPPr());
        }
        cell.setPArray(new CTP[] {empty});
        while (cell.sizeOfTblArray() > 0) {
            cell.removeTbl(0);
        }
    }
}
