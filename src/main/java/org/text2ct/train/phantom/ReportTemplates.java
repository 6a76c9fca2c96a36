package org.text2ct.train.phantom;

import java.util.List;
import java.util.Map;

/**
 * Phrasings for each part of a report. Placeholders: {age}, {sex}, {man}, {size}, {where},
 * {side}, {amount}. In the filed report {where} is always "left lower lobe"-style wording; the
 * paraphrases also use other wordings.
 */
final class ReportTemplates {

    private ReportTemplates() {
    }

    static final List<String> DESCRIPTION = List.of(
            "Non-contrast chest CT.",
            "CT of the chest without intravenous contrast.",
            "Unenhanced CT of the thorax.",
            "Non-contrast CT chest, axial acquisition.");

    static final List<String> COVERAGE = List.of(
            "The scan covers the lungs, heart, aorta, trachea, thoracic spine and ribs.",
            "Coverage from the lung apices to the upper abdomen, including the lungs, heart, aorta and thoracic spine.",
            "Included are the lungs, airways, heart, great vessels, spine and chest wall.");

    static final List<String> DEMOGRAPHICS = List.of(
            "{age}-year-old {sex}.",
            "{age} year old {man}.",
            "Patient: {sex}, {age} years old.",
            "{Sex}, age {age}.");

    static final Map<FindingType, List<String>> FINDING = Map.of(
            FindingType.SOLID_NODULE, List.of(
                    "A {size} mm solid nodule is seen in the {where}.",
                    "There is a solid pulmonary nodule in the {where} measuring {size} mm.",
                    "Solid nodule in the {where}, {size} mm in diameter."),
            FindingType.GROUND_GLASS_NODULE, List.of(
                    "A {size} mm ground-glass nodule is present in the {where}.",
                    "There is a ground-glass opacity nodule in the {where} measuring {size} mm.",
                    "Non-solid (ground-glass) nodule of {size} mm in the {where}."),
            FindingType.PLEURAL_EFFUSION, List.of(
                    "There is a {amount} {side} pleural effusion.",
                    "{Amount} {side} pleural effusion with dependent fluid at the {side} lung base.",
                    "{Amount} amount of fluid in the {side} pleural space."),
            FindingType.CONSOLIDATION, List.of(
                    "Consolidation in the {where}.",
                    "Airspace consolidation involving the {where}.",
                    "Dense opacification of the {where}, consistent with consolidation."),
            FindingType.CARDIOMEGALY, List.of(
                    "The heart is enlarged.",
                    "Cardiomegaly.",
                    "The cardiac silhouette is enlarged."),
            FindingType.EMPHYSEMA, List.of(
                    "Centrilobular emphysema, predominantly in the upper lobes.",
                    "Emphysematous changes in both lungs.",
                    "Patchy low-attenuation areas consistent with emphysema."));

    static final Map<FindingType, List<String>> IMPRESSION = Map.of(
            FindingType.SOLID_NODULE, List.of("{Where} solid nodule, {size} mm.", "Solid nodule in the {where}."),
            FindingType.GROUND_GLASS_NODULE, List.of("{Where} ground-glass nodule, {size} mm.",
                    "Ground-glass nodule in the {where}."),
            FindingType.PLEURAL_EFFUSION, List.of("{Amount} {side} pleural effusion.", "{Side} pleural effusion."),
            FindingType.CONSOLIDATION, List.of("{Where} consolidation, possibly pneumonia.",
                    "Consolidation of the {where}."),
            FindingType.CARDIOMEGALY, List.of("Cardiomegaly.", "Enlarged heart."),
            FindingType.EMPHYSEMA, List.of("Emphysema.", "Centrilobular emphysema."));

    static final List<String> NO_NODULE = List.of("No pulmonary nodules.", "No suspicious pulmonary nodule or mass.");
    static final List<String> NO_EFFUSION = List.of("No pleural effusion.", "The pleural spaces are clear.");
    static final List<String> NORMAL_HEART = List.of("Heart size is normal.", "The heart is not enlarged.");
    static final List<String> CLEAR_LUNGS = List.of("The lungs are clear.", "No consolidation.");
    static final List<String> AIRWAYS = List.of("The trachea and main bronchi are patent.",
            "The central airways are patent.");
    static final List<String> NORMAL_IMPRESSION = List.of("No acute cardiopulmonary abnormality.",
            "Normal chest CT.", "Unremarkable CT of the chest.");

    /** Other ways to name a lobe, used only in paraphrases. */
    static final List<String> LOBE_ALTERNATIVES = List.of("{lobe} lobe of the {side} lung", "{side} {lobe} lobe");
}
