package cn.jixiao.layout;

import cn.jixiao.model.Evaluation;
import cn.jixiao.model.Formats;
import cn.jixiao.model.FundTotal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * 项目支出绩效自评汇总表: one row per rendered project, in input order, and the totals. Not thread-safe: the batch adds
 * rows in input order from one thread.
 */
public final class SummaryTable {

    public static final String TITLE = "项目支出绩效自评汇总表";

    /** 等级 by 总分: 优 ≥ 90, 良 80 to < 90, 中 60 to < 80, 差 < 60. */
    public enum Grade {
        EXCELLENT("优"), GOOD("良"), FAIR("中"), POOR("差");

        public final String label;

        Grade(String label) {
            this.label = label;
        }

        public static Grade of(BigDecimal totalScore) {
            if (totalScore.compareTo(BigDecimal.valueOf(90)) >= 0) {
                return EXCELLENT;
            }
            if (totalScore.compareTo(BigDecimal.valueOf(80)) >= 0) {
                return GOOD;
            }
            return totalScore.compareTo(BigDecimal.valueOf(60)) >= 0 ? FAIR : POOR;
        }
    }

    /**
     * @param executionRate 执行率 as the form prints it
     */
    public record Row(String projectName, String department, BigDecimal annualBudget, BigDecimal executed,
                      String executionRate, BigDecimal totalScore, Grade grade) {

        static Row of(Evaluation evaluation) {
            FundTotal funds = evaluation.funds().total();
            BigDecimal score = evaluation.printedTotalScore();
            return new Row(evaluation.projectName(), evaluation.department(), funds.annualBudget(), funds.executed(),
                    Formats.executionRate(funds), score, Grade.of(score));
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final Set<Integer> years = new TreeSet<>();

    public void add(Evaluation evaluation) {
        rows.add(Row.of(evaluation));
        if (evaluation.year() != null) {
            years.add(evaluation.year());
        }
    }

    /** （2023年度） when every project with a year has the same one, else empty. */
    public String period() {
        return years.size() == 1 ? "（" + years.iterator().next() + "年度）" : "";
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Σ 全年预算数 of the rows that give one. */
    public BigDecimal annualBudget() {
        return rows.stream().map(Row::annualBudget).filter(a -> a != null).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Σ 全年执行数 of the rows that give one. */
    public BigDecimal executed() {
        return rows.stream().map(Row::executed).filter(a -> a != null).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Σ 全年执行数 ÷ Σ 全年预算数, as the forms print a rate; empty when there is no budget. */
    public String executionRate() {
        BigDecimal budget = annualBudget();
        return budget.signum() == 0 ? ""
                : Formats.percent(executed().multiply(BigDecimal.valueOf(100)).divide(budget, 2, RoundingMode.HALF_UP));
    }

    /** The mean 总分, to two decimals; {@code null} without rows. */
    public BigDecimal averageScore() {
        if (rows.isEmpty()) {
            return null;
        }
        BigDecimal sum = rows.stream().map(Row::totalScore).reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(rows.size()), 2, RoundingMode.HALF_UP);
    }

    /** How many projects have each grade, every grade listed. */
    public Map<Grade, Integer> gradeCounts() {
        Map<Grade, Integer> counts = new EnumMap<>(Grade.class);
        for (Grade grade : Grade.values()) {
            counts.put(grade, 0);
        }
        rows.forEach(row -> counts.merge(row.grade(), 1, Integer::sum));
        return counts;
    }
}
