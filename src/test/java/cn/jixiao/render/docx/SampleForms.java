package cn.jixiao.render.docx;

import cn.jixiao.model.Evaluation;
import cn.jixiao.model.Indicator;
import cn.jixiao.testing.Examples;
import cn.jixiao.testing.Forms;
import java.util.ArrayList;
import java.util.List;

/** The forms the DOCX tests render: the examples, and variants of them made with {@link Forms}. */
final class SampleForms {

    /** The generated rows' 三级指标 begin {@code 指标N：} (see {@link Forms#numberedIndicators}). */
    static final String GENERATED_ROW = "指标(\\d+)：";

    private SampleForms() {
    }

    /** Seed form 1 (政府批准聘用人员支出) as the example file gives it, quirks kept: 87.00% given, text cut off. */
    static Evaluation seedForm1() {
        return Examples.named("政府批准聘用人员支出");
    }

    /** Seed form 2 with 40 generated indicators over nine 二级 groups: a table over several pages. */
    static Evaluation fortyIndicators() {
        return Forms.withIndicators(Examples.named("智慧金凤社会治理综合平台运行费"), Forms.numberedIndicators(40));
    }

    /**
     * Seed form 1 with its nine indicators followed by the last 31 of 40 generated ones: a real form's texts and
     * quirks, and a table over several pages, in one document.
     */
    static Evaluation seedForm1WithFortyIndicators() {
        Evaluation seed = seedForm1();
        List<Indicator> indicators = new ArrayList<>(seed.indicators());
        indicators.addAll(Forms.numberedIndicators(40).subList(seed.indicators().size(), 40));
        return Forms.withIndicators(seed, indicators);
    }

    /** Seed form 1 with a deviation of 1,500 characters: a row taller than a page. */
    static Evaluation longDeviation() {
        Evaluation seed = seedForm1();
        List<Indicator> indicators = new ArrayList<>(seed.indicators());
        Indicator first = indicators.get(0);
        indicators.set(0, new Indicator(first.level1(), first.level2(), first.level3(), first.target(),
                first.actual(), first.weight(), first.score(), Forms.prose(1500)));
        return Forms.withIndicators(seed, indicators);
    }
}
