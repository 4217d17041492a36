package cn.jixiao.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jixiao.diagnostics.Diagnostic;
import cn.jixiao.input.EvaluationReader;
import cn.jixiao.input.ProjectInput;
import cn.jixiao.testing.Jixiao;
import cn.jixiao.testing.RegionalExamples;
import cn.jixiao.validation.EvaluationRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules issue 12 adds: a 一级 label's stated points, and data the chosen form has no place for. */
class RegionalRulesTest {

    @TempDir
    Path directory;

    @Test
    void aLevel1LabelWhosePointsDifferFromItsRowsWeightsWarns() throws Exception {
        List<String> warnings = warnings("""
                {"projectName": "桃树种植", "form": "xianjie", "funds": {"total": {"weight": 10}}, "indicators": [
                  {"level1": "产出指标（50分）", "level3": "★新建桃园面积", "weight": 30},
                  {"level1": "产出指标（50分）", "level3": "其中桃树种植面积"},
                  {"level1": "产出指标（50分）", "level3": "苗木成活率", "weight": 15},
                  {"level1": "产 出 指 标 (45分)", "level3": "完工及时率", "weight": 45}]}""");
        assertEquals(List.of(
                "$.indicators[0].level1: \"产出指标（50分）\" states 50 points, but the 分值 of its rows add up to 45"),
                warnings);
    }

    @Test
    void aLabelWithoutPointsOrWhosePointsMatchIsQuiet() throws Exception {
        assertEquals(List.of(), warnings("""
                {"projectName": "桃树种植", "funds": {"total": {"weight": 10}}, "indicators": [
                  {"level1": "产出指标", "weight": 40},
                  {"level1": "效益指标（50分）", "weight": "无"},
                  {"level1": "效益指标（50分）", "weight": 50}]}"""));
    }

    /** 8 + 92 make the 合计 of 100, yet the form prints 预算执行情况（10分） and 绩效指标（90分）. */
    @Test
    void sichuansBlockLabelsWhosePointsDifferFromTheWeightsWarn() throws Exception {
        assertEquals(List.of(
                "$.funds.total.weight: \"预算执行情况（10分）\" states 10 points, but 总额's 权重 is 8",
                "$.indicators: \"绩效指标（90分）\" states 90 points, but the 权重 of the indicators add up to 92"),
                warnings("""
                {"projectName": "供水工程", "form": "sichuan", "funds": {"total": {"weight": 8}}, "indicators": [
                  {"level1": "产出指标", "weight": 50},
                  {"level1": "效益指标", "weight": "无"},
                  {"level1": "效益指标", "weight": 42}]}"""));
    }

    @Test
    void sichuansFundsBlockWithout总额s权重Warns() throws Exception {
        assertEquals(List.of(
                "$: the 权重 add up to 90, not 100",
                "$.funds.total.weight: \"预算执行情况（10分）\" states 10 points, but 总额's 权重 is not given"),
                warnings("""
                {"projectName": "供水工程", "form": "sichuan", "indicators": [{"level1": "产出指标", "weight": 90}]}"""));
    }

    /** Sichuan's form prints 权重, 调整后预算数, 预算执行数 and 合计 where the national form prints 分值, 全年预算数, …. */
    @Test
    void theRulesSpeakSichuansWords() throws Exception {
        assertEquals(List.of(
                "$: the 权重 add up to 105, not 100",
                "$.totalScore: 合计 93 given, but the 得分 add up to 90",
                "$.indicators[0].score: 得分 81 is above its 权重 80",
                "$.funds.total.executionRate: 87.00% given, but 预算执行数 ÷ 调整后预算数 = 105.00%",
                "$.funds.total.executed: 预算执行数 42 is above 调整后预算数 40",
                "$.indicators[0].level1: \"产出指标（90分）\" states 90 points, but the 权重 of its rows add up to 95",
                "$.indicators: \"绩效指标（90分）\" states 90 points, but the 权重 of the indicators add up to 95"),
                warnings("""
                {"projectName": "供水工程", "form": "sichuan", "totalScore": 93,
                 "funds": {"total": {"annualBudget": 40, "executed": 42, "executionRate": 87, "weight": 10,
                                     "score": 9}},
                 "indicators": [{"level1": "产出指标（90分）", "weight": 80, "score": 81},
                                {"level1": "产出指标（90分）", "weight": 15, "score": 0}]}"""));
    }

    /** The 衔接资金 form heads its amounts 全年预算数（A） and 全年执行数（B）. */
    @Test
    void theRulesSpeakThe衔接资金FormsWords() throws Exception {
        assertEquals(List.of(
                "$.funds.total.executionRate: 87.00% given, but 全年执行数（B） ÷ 全年预算数（A） = 100.00%",
                "$.funds.fiscal.executed: 全年执行数（B） 31 is above 全年预算数（A） 30"),
                warnings("""
                {"projectName": "桃树种植", "form": "xianjie",
                 "funds": {"total": {"annualBudget": 40, "executed": 40, "executionRate": "87.00%", "weight": 10},
                           "fiscal": {"annualBudget": 30, "executed": 31}},
                 "indicators": [{"level1": "产出指标", "weight": 90}]}"""));
    }

    @Test
    void sichuansBlockLabelsMatchingTheWeightsAndOtherFormsBlocksAreQuiet() throws Exception {
        assertEquals(List.of(), warnings("""
                {"projectName": "供水工程", "form": "sichuan", "funds": {"total": {"weight": 10}},
                 "indicators": [{"level1": "产出指标", "weight": 90}]}"""));
        for (String form : List.of("national", "xianjie")) {
            assertEquals(List.of(), warnings("""
                    {"projectName": "桃树种植", "form": "%s", "funds": {"total": {"weight": 8}},
                     "indicators": [{"level1": "产出指标", "weight": 92}]}""".formatted(form)), form);
        }
    }

    @Test
    void theCommandLineNamesFileProjectAndPathOfABlockLabelsWarning() throws Exception {
        Path file = Files.writeString(directory.resolve("sichuan.json"), """
                {"projectName": "供水工程", "form": "sichuan", "funds": {"total": {"weight": 12}},
                 "indicators": [{"level1": "产出指标", "weight": 88}]}""");

        Jixiao.Run run = Jixiao.run("validate", file.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of(
                "warning: " + file + ": project 1 \"供水工程\": $.funds.total.weight: \"预算执行情况（10分）\" states 10 points,"
                        + " but 总额's 权重 is 12",
                "warning: " + file + ": project 1 \"供水工程\": $.indicators: \"绩效指标（90分）\" states 90 points, but"
                        + " the 权重 of the indicators add up to 88",
                "1 project checked: 0 with errors, 2 warnings."), run.out().lines().toList());
    }

    @Test
    void dataTheFormHasNoPlaceForWarnsNamingIt() throws Exception {
        List<String> warnings = warnings("""
                {"projectName": "桃树种植", "form": "xianjie", "overview": {"goal": "新建桃园500亩"},
                 "reportCode": "510000_0013zp",
                 "funds": {"total": {"initialBudget": 300, "weight": 10}, "carryover": {"annualBudget": 5},
                           "fiscal": {"weight": 10}},
                 "indicators": [{"level1": "产出指标", "weight": 90, "nature": "≥"}]}""");
        assertEquals(List.of(
                "$.reportCode: the 衔接资金 form has no place for it; not printed",
                "$.overview: the 衔接资金 form has no place for it; not printed",
                "$.funds.carryover: the 衔接资金 form has no place for it; not printed",
                "$.funds.total.initialBudget: the 衔接资金 form has no place for it; not printed",
                "$.indicators[0].nature: the 衔接资金 form has no place for it; not printed"), warnings);
    }

    @Test
    void theNationalFormHasNoPlaceForTheRegionalFields() throws Exception {
        assertEquals(List.of(
                "$.projectLeader: the 全国 form has no place for it; not printed",
                "$.footnote: the 全国 form has no place for it; not printed",
                "$.funds.fiscal.weight: the 全国 form has no place for it; not printed"), warnings("""
                {"projectName": "桃树种植", "projectLeader": "王建华0558-6127340", "footnote": "注：…",
                 "funds": {"total": {"weight": 10}, "fiscal": {"weight": 10}},
                 "indicators": [{"level1": "产出指标", "weight": 90}]}"""));
    }

    @Test
    void theExamplesFitTheirFormsAndAddUp() {
        for (Path example : List.of(RegionalExamples.XIANJIE, RegionalExamples.SICHUAN)) {
            ProjectInput project = EvaluationRules.check(new EvaluationReader().read(example).get(0));
            assertEquals(List.of(), project.diagnostics(), example.toString());
        }
    }

    @Test
    void theSichuanFormPrintsItsOwnFieldsButNotThe衔接资金Ones() throws Exception {
        assertEquals(List.of("$.projectLeader: the 四川 form has no place for it; not printed"), warnings("""
                {"projectName": "供水工程", "form": "sichuan", "projectLeader": "赵明远0816-1234567",
                 "reportCode": "510000_0013zp", "overview": {"goal": "新建集中供水工程3处"}, "conclusion": "优",
                 "signatures": {"financeLeader": "刘芳"}, "funds": {"total": {"initialBudget": 480, "weight": 10},
                 "unit": {"annualBudget": 30}, "reason": "结余"},
                 "indicators": [{"level1": "产出指标", "weight": 90, "nature": "≥", "unit": "处"}]}"""));
    }

    @Test
    void aFormTheSchemaDoesNotKnowIsAnError() throws Exception {
        Path file = Files.writeString(directory.resolve("guangdong.json"),
                "{\"projectName\": \"桃树种植\", \"form\": \"guangdong\", \"indicators\": []}");
        ProjectInput project = new EvaluationReader().read(file).get(0);
        assertEquals(true, project.hasErrors());
        assertEquals("$.form", project.diagnostics().get(0).path());
    }

    /** The warnings of the rules for one project, as {@code path: message}. */
    private List<String> warnings(String json) throws Exception {
        Path file = Files.writeString(directory.resolve("project.json"), json);
        ProjectInput project = EvaluationRules.check(new EvaluationReader().read(file).get(0));
        assertEquals(List.of(), project.diagnostics().stream()
                .filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList());
        return project.diagnostics().stream().map(d -> d.path() + ": " + d.message()).toList();
    }
}
