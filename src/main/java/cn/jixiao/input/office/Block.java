package cn.jixiao.input.office;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What a document holds, in reading order: paragraphs outside tables, and the rows of its tables and sheets. */
sealed interface Block {

    /** A paragraph between tables, such as a title {@code 项目支出绩效自评表（2023年度）}. */
    record Text(String text) implements Block {
    }

    /**
     * One row on its grid: position {@code c} holds the cell covering column {@code c}, or {@code null} where there
     * is no cell or it is empty. A merged cell is the same instance at each position it covers.
     */
    record Row(List<SourceCell> cells) implements Block {
        public Row {
            cells = Collections.unmodifiableList(new ArrayList<>(cells)); // positions may be null
        }

        SourceCell at(int column) {
            return column >= 0 && column < cells.size() ? cells.get(column) : null;
        }
    }
}
