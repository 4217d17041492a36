package cn.jixiao.hardening;

import cn.jixiao.render.pdf.PrintedTexts;
import cn.jixiao.testing.PdfFile;
import cn.jixiao.testing.PdfFile.DrawnCharacter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintFrame;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JasperPrint;

/**
 * What a form's PDF draws inside each cell that prints input, by the JSON path of that input: the oracle of
 * {@link FuzzTest}, which compares each input text with its own cell and not with the whole page. Where the cells are
 * comes from the filled pages, whose text elements name the input they print ({@link PrintedTexts#SOURCE_PATH}); what
 * they hold comes from the PDF as PDFBox reads it, each character counted in the cell that holds its centre. A cell
 * that breaks over pages, or a merged label printed again beside its rows, is several places with one path.
 */
final class CellTexts {

    /** Height of the horizontal bands a page's cells are sorted into, so that a character is tried on a few only. */
    private static final int BAND = 20;

    /** Where a text element is on its page, in points from the page's top left corner. */
    private record Cell(String path, double left, double top, double right, double bottom) {
        boolean holds(double x, double y) {
            return x >= left && x <= right && y >= top && y <= bottom;
        }
    }

    private CellTexts() {
    }

    /**
     * The characters the PDF draws in the cells of each path, in drawing order.
     *
     * @param print the filled pages the PDF was written from
     */
    static Map<String, String> of(JasperPrint print, PdfFile pdf) {
        List<Map<Integer, List<Cell>>> pages = new ArrayList<>();
        print.getPages().forEach(page -> {
            Map<Integer, List<Cell>> bands = new HashMap<>();
            collect(page.getElements(), 0, 0, bands);
            pages.add(bands);
        });
        Map<String, StringBuilder> texts = new HashMap<>();
        for (DrawnCharacter character : pdf.drawnCharacters()) {
            for (Cell cell : pages.get(character.page() - 1).getOrDefault(band(character.y()), List.of())) {
                if (cell.holds(character.x(), character.y())) {
                    texts.computeIfAbsent(cell.path(), path -> new StringBuilder()).append(character.text());
                    break;
                }
            }
        }
        Map<String, String> cells = new HashMap<>();
        texts.forEach((path, text) -> cells.put(path, text.toString()));
        return cells;
    }

    private static void collect(List<JRPrintElement> elements, int offsetX, int offsetY,
                                Map<Integer, List<Cell>> bands) {
        for (JRPrintElement element : elements) {
            int x = offsetX + element.getX();
            int y = offsetY + element.getY();
            if (element instanceof JRPrintFrame frame) {
                collect(frame.getElements(), x, y, bands);
            } else if (element instanceof JRPrintText && element.hasProperties()
                    && element.getPropertiesMap().getProperty(PrintedTexts.SOURCE_PATH) != null) {
                Cell cell = new Cell(element.getPropertiesMap().getProperty(PrintedTexts.SOURCE_PATH), x, y,
                        x + element.getWidth(), y + element.getHeight());
                for (int band = band(cell.top()); band <= band(cell.bottom()); band++) {
                    bands.computeIfAbsent(band, b -> new ArrayList<>()).add(cell);
                }
            }
        }
    }

    private static int band(double y) {
        return (int) Math.floor(y / BAND);
    }
}
