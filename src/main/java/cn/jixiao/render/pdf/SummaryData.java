package cn.jixiao.render.pdf;

import cn.jixiao.layout.SummaryTable.Row;
import cn.jixiao.layout.SummaryTable;
import cn.jixiao.model.Formats;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.sf.jasperreports.engine.JRDataSource;

/** What {@code templates/summary.jrxml} reads. */
final class SummaryData {

    /** A row and its 1-based position. */
    private record Numbered(int number, Row row) {
    }

    private static final Map<String, Function<Numbered, Object>> FIELDS = Map.of(
            "number", Numbered::number,
            "projectName", numbered -> numbered.row().projectName(),
            "department", numbered -> numbered.row().department(),
            "annualBudget", numbered -> Formats.amount(numbered.row().annualBudget()),
            "executed", numbered -> Formats.amount(numbered.row().executed()),
            "executionRate", numbered -> numbered.row().executionRate(),
            "totalScore", numbered -> Formats.amount(numbered.row().totalScore()),
            "grade", numbered -> numbered.row().grade().label);

    private SummaryData() {
    }

    static Map<String, Object> parameters(SummaryTable table) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("period", table.period());
        parameters.put("projectCount", table.rows().size());
        parameters.put("annualBudget", Formats.amount(table.annualBudget()));
        parameters.put("executed", Formats.amount(table.executed()));
        parameters.put("executionRate", table.executionRate());
        BigDecimal average = table.averageScore();
        parameters.put("averageScore", Formats.amount(average));
        parameters.put("grades", table.gradeCounts().entrySet().stream()
                .map(count -> count.getKey().label + " " + count.getValue() + " 个")
                .collect(Collectors.joining("，")));
        return parameters;
    }

    static JRDataSource rows(SummaryTable table) {
        List<Row> rows = table.rows();
        List<Numbered> numbered = IntStream.range(0, rows.size()).mapToObj(i -> new Numbered(i + 1, rows.get(i))).toList();
        return new RecordDataSource<>(numbered, FIELDS);
    }
}
