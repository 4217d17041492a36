package cn.jixiao.testing;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.RuleId;

/** veraPDF, the PDF/A validator of the PDF Association, as a test sees it: the rules a PDF breaks. */
public final class PdfAValidation {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfAValidation() {
    }

    /**
     * The rules of the flavour (e.g. {@link PDFAFlavour#PDFA_2_B}) the PDF breaks, one line each: the clause and test
     * number of the rule, veraPDF's message and where; empty when the PDF conforms.
     */
    public static List<String> failures(byte[] pdf, PDFAFlavour flavour) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult result = validator.validate(parser);
            return result.getTestAssertions().stream()
                    .filter(assertion -> assertion.getStatus() == TestAssertion.Status.FAILED)
                    .map(PdfAValidation::describe)
                    .distinct()
                    .collect(Collectors.toList());
        } catch (Exception e) {
            return List.of("veraPDF cannot validate the file: " + e);
        }
    }

    private static String describe(TestAssertion assertion) {
        RuleId rule = assertion.getRuleId();
        return rule.getSpecification().getId() + " " + rule.getClause() + "-" + rule.getTestNumber() + ": "
                + assertion.getMessage() + (assertion.getErrorMessage() == null ? "" : " (" + assertion.getErrorMessage()
                + ")") + " at " + assertion.getLocationContext();
    }
}
