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
 */
public enum Form {
    /** 项目支出绩效自评表, the national form (财政部). */
    NATIONAL("national", "全国", "initialBudget carryover"),
    /** 衔接资金绩效目标自评表 of the rural-revitalization linkage funds. */
    XIANJIE("xianjie", "衔接资金", "projectLeader footnote fiscal.weight fiscal.score fiscal.executionRate"
            + " other.executionRate"),
    /** 部门预算项目支出绩效自评表 of Sichuan's budget system (报表编号 510000_0013zp). */
    SICHUAN("sichuan", "四川", "reportCode overview specialAccount unit reason initialBudget indicator.nature"
            + " indicator.unit conclusion problems improvements signatures fiscal.executionRate other.executionRate");

    private final String id;
    private final String name;
    private final Set<String> places;

    Form(String id, String name, String places) {
        this.id = id;
        this.name = name;
        this.places = Set.of(places.split(" "));
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

    /** Whether the form prints the optional place of this name. */
    public boolean hasPlace(String place) {
        return places.contains(place);
    }

    public static Optional<Form> byId(String id) {
        return Arrays.stream(values()).filter(form -> form.id.equals(id)).findFirst();
    }
}
