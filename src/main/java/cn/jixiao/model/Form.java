package cn.jixiao.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Which published layout a project is filed on ({@code "form"} in the input). Each form is a set of templates in the
 * folder of its {@link #id()} (see the README, "Forms"); this is the one place that names the forms.
 *
 * <p>A form also says which of the contract's optional places it has (see {@code cn.jixiao.validation.FormPlaces}
 * for what each name covers): data given for a place the chosen form lacks is reported, not silently dropped. Adding
 * a form is its templates plus one line here.
 *
 * <p>A form whose block labels state the points of their block (Sichuan's {@code 预算执行情况（10分）} over the funds,
 * {@code 绩效指标（90分）} over the indicators) gives them here, as printed: the templates print them from here (the
 * fields {@code block.funds} and {@code block.indicators}), and the rules check the 权重 of the data against the
 * points they state.
 */
public enum Form {
    /** 项目支出绩效自评表, the national form (财政部). */
    NATIONAL("national", "全国", "initialBudget carryover"),
    /** 衔接资金绩效目标自评表 of the rural-revitalization linkage funds. */
    XIANJIE("xianjie", "衔接资金", "projectLeader footnote fiscal.weight fiscal.score fiscal.executionRate"
            + " other.executionRate"),
    /** 部门预算项目支出绩效自评表 of Sichuan's budget system (报表编号 510000_0013zp). */
    SICHUAN("sichuan", "四川", "reportCode overview specialAccount unit reason initialBudget indicator.nature"
            + " indicator.unit conclusion problems improvements signatures fiscal.executionRate other.executionRate",
            "预算执行情况（10分）", "绩效指标（90分）");

    private final String id;
    private final String name;
    private final Set<String> places;
    private final String fundsBlock;
    private final String indicatorsBlock;

    Form(String id, String name, String places) {
        this(id, name, places, null, null);
    }

    Form(String id, String name, String places, String fundsBlock, String indicatorsBlock) {
        this.id = id;
        this.name = name;
        this.places = Set.of(places.split(" "));
        this.fundsBlock = fundsBlock;
        this.indicatorsBlock = indicatorsBlock;
    }

    /** The value of {@code "form"} in the input, and the name of the form's templates folder. */
    public String id() {
        return id;
    }

    /** How messages name the form: {@code the 衔接资金 form}. */
    public String displayName() {
        return name;
    }

    /**
     * The folder of the form's templates in a templates directory: its subfolder named {@link #id()}. The one
     * exception keeps the sets made before forms had folders working: a directory without a {@code national}
     * subfolder that holds {@code form.jrxml} itself is the national form's folder.
     */
    public Path templatesFolder(Path templates) {
        Path own = templates.resolve(id);
        boolean formerLayout = this == NATIONAL && !Files.isDirectory(own)
                && Files.isRegularFile(templates.resolve("form.jrxml"));
        return formerLayout ? templates : own;
    }

    /** The label of the funds block when it states the block's points ({@code 预算执行情况（10分）}); else null. */
    public String fundsBlock() {
        return fundsBlock;
    }

    /** The label of the indicators block when it states the block's points ({@code 绩效指标（90分）}); else null. */
    public String indicatorsBlock() {
        return indicatorsBlock;
    }

    /** Whether the form prints the optional place of this name. */
    public boolean hasPlace(String place) {
        return places.contains(place);
    }

    public static Optional<Form> byId(String id) {
        return Arrays.stream(values()).filter(form -> form.id.equals(id)).findFirst();
    }
}
